export { startBulkRegistration } from "./create";
export { getRegistrationBatch, toRegistrationBatchDto } from "./dto";
export { failAbandonedChunk, registerChunk } from "./run-chunk";
export * from "./schemas";
