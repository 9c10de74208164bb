export { probeBmc, type ProbeOptions, type ProbeResult, type RedfishProtocol, type RedfishService } from "./probe";
export { RedfishClient, withBmc, type ClientOptions } from "./client";
export type { RedfishResponse, RequestOptions, TlsRequirement } from "./http";
export type { Credential } from "./session";
export { readInventory } from "./inventory";
export type * from "./inventory/types";
export { normalizeFingerprint } from "./tls";
export type { BmcEndpoint } from "./transport";
export * from "./errors";
