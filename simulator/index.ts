export { startFleet, type BmcHandle, type Fleet } from "./fleet";
export { DEFAULT_TIMINGS, type FleetOptions } from "./config";
export { makeImage, parseImage, ImageFormatError, IMAGE_MAGIC, type ImageManifest } from "./image";
export { loopbackRange } from "./address";
export type { FlashRecord } from "./bmc/bmc";
export type { SessionInfo } from "./bmc/sessions";
export type { TaskInfo } from "./bmc/tasks";
export * from "./types";
