import {
  createFirmware,
  deleteFirmware,
  firmwareBinarySchema,
  firmwareCreateSchema,
  firmwareListConfig,
  firmwareReplaceSchema,
  getFirmware,
  listFirmware,
  updateFirmware,
} from "../../services/firmware";
import { requireStaff } from "../../services/permissions";
import { crudProcedures } from "../crud";
import { createTRPCRouter } from "../trpc";

/** The catalog. JSON creates download `location`; multipart uploads are received in rest/uploads.ts. */
export const firmwareRouter = createTRPCRouter(
  crudProcedures({
    path: "/firmware",
    tag: "firmware",
    model: "firmware binary",
    output: firmwareBinarySchema,
    list: { config: firmwareListConfig, verb: listFirmware },
    get: getFirmware,
    create: { input: firmwareCreateSchema, verb: createFirmware },
    update: { replace: firmwareReplaceSchema, verb: updateFirmware },
    delete: deleteFirmware,
    writeAccess: requireStaff,
  }),
);
