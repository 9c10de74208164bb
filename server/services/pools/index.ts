export { createPool } from "./create";
export { createSubPool } from "./create-sub-pool";
export { deletePool } from "./delete";
export { getPoolDetail } from "./detail";
export { getPool } from "./get";
export { listPools, poolListConfig, poolQueryConfig } from "./list";
export * from "./schemas";
export { poolScope } from "./scope";
export { updatePool } from "./update";
