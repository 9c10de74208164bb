export { ACTIVE_REQUEST_STATUSES, activeRequestReason, activeRequestsFor, type ActiveRequest } from "./active";
export { cancelRequest } from "./cancel";
export { createBaselineUpdate, createFirmwareUpdate } from "./create";
export { getRequest } from "./get";
export { listRequests, requestListConfig, requestQueryConfig } from "./list";
export * from "./schemas";
export { requestScope } from "./scope";
