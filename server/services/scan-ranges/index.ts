export { createScanRange } from "./create";
export { deleteScanRange } from "./delete";
export { findScanRangeRow, getScanRange } from "./get";
export { listScanRanges, scanRangeListConfig } from "./list";
export * from "./schemas";
export { updateScanRange } from "./update";
