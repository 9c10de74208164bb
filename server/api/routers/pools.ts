import {
  createPool,
  createSubPool,
  deletePool,
  getPool,
  listPools,
  poolCreateSchema,
  poolQueryConfig,
  poolReplaceSchema,
  poolSchema,
  subPoolCreateSchema,
  updatePool,
} from "../../services/pools";
import { crudProcedures } from "../crud";
import { lookupBeforeBody } from "../lookup-first";
import { createTRPCRouter } from "../trpc";

/** DRF's order for the action: the parent pool (404, also for another group's) before the body (400). */
const onVisiblePool = lookupBeforeBody({ lookup: (ctx, id) => getPool({ ctx, input: { id } }) });

export const poolsRouter = createTRPCRouter({
  ...crudProcedures({
    path: "/pool",
    tag: "pool",
    model: "pool",
    output: poolSchema,
    list: { config: poolQueryConfig, verb: listPools },
    get: getPool,
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
});
