/**
 * The vendor alias table: how BMCs and packages spell a manufacturer, and the one canonical name
 * Rackpilot shows and filters on. Compliance, remediation and the firmware catalog use it too.
 */
export type VendorFamily = "dell" | "hpe" | "supermicro" | "lenovo";

const FAMILIES: { family: VendorFamily; canonical: string; aliases: RegExp }[] = [
  { family: "dell", canonical: "Dell", aliases: /^(dell|dell inc\.?|dell emc|dell technologies)$/i },
  // iLO 4 era systems say "HP"; iLO 5+ say "HPE"; HPE's own tools also write the long forms.
  { family: "hpe", canonical: "HPE", aliases: /^(hp|hpe|hewlett[- ]packard( enterprise)?( company)?)$/i },
  { family: "supermicro", canonical: "Supermicro", aliases: /^(supermicro|super micro( computer)?(,? inc\.?)?|smc)$/i },
  { family: "lenovo", canonical: "Lenovo", aliases: /^(lenovo|lenovo group( limited)?|ibm lenovo)$/i },
];

function entryFor(name: string | null | undefined) {
  const trimmed = name?.trim() ?? "";
  return trimmed === "" ? undefined : FAMILIES.find((entry) => entry.aliases.test(trimmed));
}

/** `dell`, `hpe`, `supermicro`, `lenovo`, or null for anyone else. */
export function vendorFamily(name: string | null | undefined): VendorFamily | null {
  return entryFor(name)?.family ?? null;
}

/** `Dell Inc.` -> `Dell`, `HP` -> `HPE`; names outside the table are kept as given (trimmed). */
export function canonicalManufacturer(name: string | null | undefined): string | null {
  const trimmed = name?.trim() ?? "";
  if (trimmed === "") return null;
  return entryFor(trimmed)?.canonical ?? trimmed;
}
