export { ACTIVE_REQUEST_STATUSES, activeRequestReason, activeRequestsFor, type ActiveRequest } from "./active";
