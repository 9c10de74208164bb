export { createBaseline } from "./create";
export { deleteBaseline } from "./delete";
export { getBaseline } from "./get";
export { baselineListConfig, listBaselines } from "./list";
export * from "./schemas";
export { updateBaseline } from "./update";
