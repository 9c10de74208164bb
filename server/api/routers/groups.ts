import { createGroup, deleteGroup, getGroup, groupListConfig, groupSchema, groupWriteSchema, listGroups, updateGroup } from "../../services/groups";
import { requireStaff } from "../../services/permissions";
import { crudProcedures } from "../crud";
import { createTRPCRouter } from "../trpc";

export const groupsRouter = createTRPCRouter(
  crudProcedures({
    path: "/groups",
    tag: "groups",
    model: "group",
    output: groupSchema,
    list: { config: groupListConfig, verb: listGroups },
    get: getGroup,
    create: { input: groupWriteSchema, verb: createGroup },
    update: { replace: groupWriteSchema, verb: updateGroup },
    delete: deleteGroup,
    writeAccess: requireStaff,
  }),
);
