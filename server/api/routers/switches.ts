import { requireStaff } from "../../services/permissions";
import {
  createSwitch,
  deleteSwitch,
  getSwitch,
  listSwitches,
  removeSwitchesFromPool,
  switchCreateSchema,
  switchIdsInput,
  switchQueryConfig,
  switchReplaceSchema,
  switchSchema,
  updateSwitch,
} from "../../services/switches";
import { z } from "~/server/lib/zod";
import { crudProcedures } from "../crud";
import { createTRPCRouter, staffProcedure } from "../trpc";
import { POOL_MEMBERSHIP_ACCESS, SWITCH_ACCESS } from "./access";

export const switchesRouter = createTRPCRouter({
  // Registered before the `{id}` routes: REST paths match in order and `/switch/{id}` would take it.
  removeFromPool: staffProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/switch/remove_from_pool",
        tags: ["switch"],
        summary: "Take switches out of their pools",
        description: `Each id is reported as removed (a switch in no pool counts as removed) or not found. ${POOL_MEMBERSHIP_ACCESS}`,
      },
    })
    .input(switchIdsInput)
    .output(
      z.object({
        removed: z.array(z.number().int()).describe("Switches now in no pool."),
        not_found: z.array(z.number().int()).describe("Ids that name no switch you can see."),
      }),
    )
    .mutation(({ ctx, input }) => removeSwitchesFromPool({ ctx: ctx.service, input })),
  ...crudProcedures({
    path: "/switch",
    tag: "switch",
    model: "switch",
    output: switchSchema,
    description: SWITCH_ACCESS,
    list: { config: switchQueryConfig, verb: listSwitches },
    get: getSwitch,
    create: { input: switchCreateSchema, verb: createSwitch },
    update: { replace: switchReplaceSchema, verb: updateSwitch },
    delete: deleteSwitch,
    writeAccess: requireStaff,
    lookupBeforeWriteAccess: true,
  }),
});
