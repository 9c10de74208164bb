/**
 * The one vendor alias table. BMCs report `Dell Inc.`, `HP` or `Super Micro Computer, Inc.`; catalogs
 * say `Dell`, `HPE` or `Supermicro`. Servers store the canonical name next to the reported one, and
 * compliance, remediation and the catalog's manufacturer filter compare vendors through this table.
 */
const VENDORS: ReadonlyArray<{ name: string; aliases: readonly string[] }> = [
  { name: "Dell", aliases: ["dell", "dell emc", "dellemc", "emc"] },
  { name: "HPE", aliases: ["hpe", "hp", "hewlett packard enterprise", "hewlett packard", "hewlett-packard enterprise", "hewlett-packard"] },
  { name: "Supermicro", aliases: ["supermicro", "super micro", "super micro computer", "smc"] },
  { name: "Lenovo", aliases: ["lenovo", "lenovo group"] },
];

// Legal-form words that say nothing about the vendor ("Dell Inc.", "Super Micro Computer, Inc.").
const LEGAL_FORMS = new Set(["inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "gmbh", "ag", "sa", "plc"]);

function normalise(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  while (words.length > 1 && LEGAL_FORMS.has(words.at(-1)!)) words.pop();
  return words.join(" ");
}

const CANONICAL = new Map<string, string>(VENDORS.flatMap((vendor) => vendor.aliases.map((alias) => [alias, vendor.name] as const)));

/** The canonical vendor name for a reported manufacturer; an unknown vendor keeps its own name, trimmed. */
export function canonicalVendor(reported: string): string {
  return CANONICAL.get(normalise(reported)) ?? reported.trim();
}

/** Whether two manufacturer strings name the same vendor (`Dell Inc.` and `DELL` do). */
export function sameVendor(a: string, b: string): boolean {
  return normalise(canonicalVendor(a)) === normalise(canonicalVendor(b));
}
