import { REQUEST_STATUSES } from "~/db/schema/choices";
import { REQUEST_TYPES, type RequestType } from "~/server/services/requests/schemas";
import { statusLabel } from "../_components/status-badge";

const TYPE_LABELS: Record<RequestType, string> = { firmware_baseline_update: "Baseline remediation", firmware_update: "Firmware update" };

export const requestTypeLabel = (type: RequestType) => TYPE_LABELS[type];
export const requestTypeOptions = REQUEST_TYPES.map((value) => ({ value, label: TYPE_LABELS[value] }));
export const requestStatusOptions = REQUEST_STATUSES.map((value) => ({ value, label: statusLabel(value) }));

/** Still at work: the console polls it. */
export const isActive = (status: string | undefined) => status === "pending" || status === "running";
export const POLL_MS = 1000;
