import { FIRMWARE_MATCH_KEYWORDS } from "~/db/schema";
import { sameVendor } from "~/server/lib/vendors";
import { escapeLike } from "../list/search";

export const MATCH_KEYWORDS = FIRMWARE_MATCH_KEYWORDS;

/**
 * Where a binary's current version comes from: the server's BIOS or BMC version, the inventory entries
 * whose name or software id holds one of the type's keywords, or, for `nic` and `other` (no rule in the
 * seed), the inventory entries whose name contains the binary's name.
 */
export type MatchKind = "bios" | "bmc" | "keywords" | "name";

type BaselineBinary = { id: number; name: string; firmwareType: string; version: string; manufacturer: string; models: string[] };

/** A binary as the compliance query reads it: every value precomputed, so SQL only compares. */
export type BinaryRule = {
  id: number;
  firmwareType: string;
  version: string;
  match: MatchKind;
  /** The server manufacturers (as stored) that name the binary's vendor. */
  vendors: string[];
  /** Lower-cased, trimmed models; empty means every model of the vendor. */
  models: string[];
  /** For a name match: the lower-case LIKE pattern of the binary's name. */
  namePattern: string;
};

function matchKind(firmwareType: string): MatchKind {
  if (firmwareType === "bios" || firmwareType === "bmc") return firmwareType;
  return Object.hasOwn(MATCH_KEYWORDS, firmwareType) ? "keywords" : "name";
}

/**
 * Vendors are compared through the alias table, so a catalog's `HPE` fits a server stored as `HPE`
 * whatever the BMC said, and an unknown vendor still matches its own spellings (`Contoso Ltd` = `Contoso`).
 */
export function toRule(binary: BaselineBinary, serverManufacturers: readonly string[]): BinaryRule {
  return {
    id: binary.id,
    firmwareType: binary.firmwareType,
    version: binary.version,
    match: matchKind(binary.firmwareType),
    vendors: serverManufacturers.filter((manufacturer) => sameVendor(manufacturer, binary.manufacturer)),
    models: [...new Set(binary.models.map((model) => model.trim().toLowerCase()))],
    namePattern: `%${escapeLike(binary.name.trim().toLowerCase())}%`,
  };
}
