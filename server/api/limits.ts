// Request limits shared by the server and the dashboard's client (plain constants: safe in client code).

/** Largest JSON, form or tRPC request body (multipart firmware uploads have their own limit). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Calls one tRPC HTTP request may carry; the dashboard's batch link sends at most this many. */
export const MAX_BATCH_SIZE = 20;
