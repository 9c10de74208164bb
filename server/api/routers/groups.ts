import { createGroup, deleteGroup, getGroup, groupListConfig, listGroups, updateGroup } from "../../services/groups/service";
import { groupSchema, groupWriteSchema } from "../../services/groups/schemas";
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
  }),
);
