import type { IncomingHttpHeaders } from "node:http";
import { dig, isObject, prop, text } from "../odata";

/** Oem keys of a service root and the vendor they reveal (iLO 4 has no `Vendor` at its root). */
const OEM_VENDORS: Record<string, string> = { hp: "HPE", hpe: "HPE", dell: "Dell", supermicro: "Supermicro", lenovo: "Lenovo" };

/** The vendor and product a service root reports, with fallbacks for roots that predate `Vendor`/`Product`. */
export function identifyService(root: unknown, headers: IncomingHttpHeaders): { vendor: string | null; product: string | null } {
  const oem = prop(root, "Oem");
  const oemKey = isObject(oem) ? Object.keys(oem).find((key) => key.toLowerCase() in OEM_VENDORS) : undefined;
  const server = String(headers.server ?? "");
  const vendor =
    text(prop(root, "Vendor")) ??
    (oemKey ? OEM_VENDORS[oemKey.toLowerCase()] : null) ??
    (/\bHPE?-iLO/i.test(server) ? "HPE" : null);
  // iLO 4 names itself in Oem.Hp.Manager[0].ManagerType ("iLO 4").
  const managers = oemKey ? dig(oem, oemKey, "Manager") : undefined;
  const product = text(prop(root, "Product")) ?? (Array.isArray(managers) ? text(prop(managers[0], "ManagerType")) : null);
  return { vendor, product };
}
