import {
  createScanRange,
  deleteScanRange,
  getScanRange,
  listScanRanges,
  scanRangeCreateSchema,
  scanRangeListConfig,
  scanRangeReplaceSchema,
  scanRangeSchema,
  updateScanRange,
} from "../../services/scan-ranges";
import { requireStaff } from "../../services/permissions";
import { crudProcedures } from "../crud";
import { createTRPCRouter } from "../trpc";

export const scanRangesRouter = createTRPCRouter(
  crudProcedures({
    path: "/node_discovery/scan_range",
    tag: "node_discovery",
    model: "scan range",
    output: scanRangeSchema,
    list: { config: scanRangeListConfig, verb: listScanRanges },
    get: getScanRange,
    create: { input: scanRangeCreateSchema, verb: createScanRange },
    update: { replace: scanRangeReplaceSchema, verb: updateScanRange },
    delete: deleteScanRange,
    // Scan ranges are global: everyone signed in reads them, staff alone point discovery at networks.
    writeAccess: requireStaff,
  }),
);
