export { createSwitch } from "./create";
export { deleteSwitch } from "./delete";
export { toSwitchDto } from "./dto";
export { getSwitch } from "./get";
export { listSwitches, switchListConfig, switchQueryConfig } from "./list";
export { assignSwitches, removeSwitchesFromPool } from "./membership";
export * from "./schemas";
export { findSwitchRow, switchScope } from "./scope";
export { updateSwitch } from "./update";
