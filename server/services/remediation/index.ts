export { startRemediation, requestCancel } from "./start";
export { planRemediation } from "./plan";
export { readRequestProgress, readServerSteps, FINISHED_SERVER_STATUSES } from "./progress";
export { remediationSettings, timeoutsFor } from "./settings";
export { REMEDIATION_REQUEST_TASK, REMEDIATION_SERVER_TASK } from "./jobs";
export * from "./schemas";
