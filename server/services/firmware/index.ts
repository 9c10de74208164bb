export { createFirmware } from "./create";
export { deleteFirmware } from "./delete";
export { getFirmware } from "./get";
export { firmwareListConfig, listFirmware } from "./list";
export * from "./schemas";
export { updateFirmware } from "./update";
