import {
  createPool,
  createSubPool,
  deletePool,
  getPool,
  getPoolDetail,
  listPools,
  poolCreateSchema,
  poolDetailSchema,
  poolQueryConfig,
  poolReplaceSchema,
  poolSchema,
  subPoolCreateSchema,
  updatePool,
} from "../../services/pools";
import { requireStaff } from "../../services/permissions";
import { assignServers, serverIdsInput } from "../../services/servers";
import { assignSwitches, switchIdsInput } from "../../services/switches";
import { z } from "~/server/lib/zod";
import { crudProcedures, idInput } from "../crud";
import { lookupBeforeBody } from "../lookup-first";
import { createTRPCRouter } from "../trpc";
import { POOL_ACCESS, POOL_MEMBERSHIP_ACCESS } from "./access";

const findPool = (ctx: Parameters<typeof getPool>[0]["ctx"], id: number) => getPool({ ctx, input: { id } });

/** DRF's order for the action: the parent pool (404, also for another group's) before the body (400). */
const onVisiblePool = lookupBeforeBody({ lookup: findPool });

/** ... and for staff-only actions, the 403 between the two: another group's pool stays a 404. */
const staffOnVisiblePool = lookupBeforeBody({ access: requireStaff, lookup: findPool, lookupFirst: true });

const poolRef = z.object({ id: z.number().int().nullable(), name: z.string().nullable() }).describe("The pool it is in; both null when it is a pool you cannot see.");

/** The per-id outcome of an assignment: every id given lands in exactly one list. */
function assignResultSchema<Elsewhere extends z.ZodType>(elsewhere: Elsewhere, plural: string) {
  return z.object({
    assigned: z.array(z.number().int()).describe(`Ids of the ${plural} now in this pool (including any that already were).`),
    already_in_pool: z.array(elsewhere).describe(`The ${plural} left in another pool.`),
    not_found: z.array(z.number().int()).describe("Ids given that name nothing you can see."),
  });
}

export const poolsRouter = createTRPCRouter({
  ...crudProcedures({
    path: "/pool",
    tag: "pool",
    model: "pool",
    output: poolSchema,
    description: POOL_ACCESS,
    list: { config: poolQueryConfig, verb: listPools },
    get: getPool,
    retrieve: { output: poolDetailSchema, verb: getPoolDetail },
    create: { input: poolCreateSchema, verb: createPool },
    update: { replace: poolReplaceSchema, verb: updatePool },
    delete: deletePool,
  }),
  createSubPool: onVisiblePool
    .meta({
      openapi: { method: "POST", path: "/pool/{id}/create_sub_pool", tags: ["pool"], summary: "Create a sub-pool (in the parent's group)" },
      successStatus: 201,
    })
    .input(subPoolCreateSchema)
    .output(poolSchema)
    .mutation(({ ctx, input }) => createSubPool({ ctx: ctx.service, input })),
  assignServers: staffOnVisiblePool
    .meta({
      openapi: {
        method: "POST",
        path: "/pool/{id}/assign_servers",
        tags: ["pool"],
        summary: "Assign servers to the pool, by server or node (BMC) id",
        description: `Each id is looked up as a server id first, then as a node id (standing for every server that node manages). A server already in another pool is not moved. ${POOL_MEMBERSHIP_ACCESS}`,
      },
    })
    .input(serverIdsInput.extend(idInput.shape))
    .output(assignResultSchema(z.object({ server: z.number().int(), pool: poolRef }), "servers"))
    .mutation(({ ctx, input }) => assignServers({ ctx: ctx.service, input })),
  assignSwitches: staffOnVisiblePool
    .meta({
      openapi: {
        method: "POST",
        path: "/pool/{id}/assign_switches",
        tags: ["pool"],
        summary: "Assign switches to the pool",
        description: `A switch already in another pool is not moved. ${POOL_MEMBERSHIP_ACCESS}`,
      },
    })
    .input(switchIdsInput.extend(idInput.shape))
    .output(assignResultSchema(z.object({ switch: z.number().int(), pool: poolRef }), "switches"))
    .mutation(({ ctx, input }) => assignSwitches({ ctx: ctx.service, input })),
});
