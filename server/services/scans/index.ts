export { failAbandonedChunk, scanChunk } from "./run-chunk";
export * from "./schemas";
export { runScan } from "./start";
