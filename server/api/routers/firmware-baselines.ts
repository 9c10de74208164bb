import {
  baselineCreateSchema,
  baselineListConfig,
  createBaseline,
  deleteBaseline,
  firmwareBaselineSchema,
  getBaseline,
  listBaselines,
  updateBaseline,
} from "../../services/firmware-baselines";
import { crudProcedures } from "../crud";
import { createTRPCRouter } from "../trpc";

export const firmwareBaselinesRouter = createTRPCRouter(
  crudProcedures({
    path: "/firmware_baseline",
    tag: "firmware_baseline",
    model: "firmware baseline",
    output: firmwareBaselineSchema,
    list: { config: baselineListConfig, verb: listBaselines },
    get: getBaseline,
    create: { input: baselineCreateSchema, verb: createBaseline },
    update: { replace: baselineCreateSchema, verb: updateBaseline },
    delete: deleteBaseline,
  }),
);
