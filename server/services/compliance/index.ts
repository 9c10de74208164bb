export { evaluateCompliance, loadRules } from "./evaluate";
export { getCompliance } from "./get";
export type { Report, ReportView } from "./report";
export { MATCH_KEYWORDS } from "./rules";
export * from "./schemas";
export type { ComplianceScope } from "./scope";
export { COMPLIANCE_STATUSES, type ComplianceStatus } from "./statuses";
