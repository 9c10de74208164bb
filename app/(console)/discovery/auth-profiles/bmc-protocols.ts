import { BMC_PROTOCOLS } from "~/server/services/auth-profiles/schemas";

const LABELS: Record<(typeof BMC_PROTOCOLS)[number], string> = { redfish: "Redfish" };

export const bmcLabel = (bmc: string) => LABELS[bmc as keyof typeof LABELS] ?? bmc;
export const bmcOptions = BMC_PROTOCOLS.map((bmc) => ({ value: bmc, label: LABELS[bmc] }));
