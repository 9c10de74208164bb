import { sameVendor } from "~/server/lib/vendors";
import type { FirmwareType } from "../firmware/schemas";
import { escapeLike } from "../list/search";

/** Seed 003's keywords, matched case-insensitively against an inventory entry's `name` and `software_id`. */
export const MATCH_KEYWORDS: Partial<Record<FirmwareType, readonly string[]>> = {
  storage_controller: ["storage", "raid", "perc", "storage controller", "hba"],
  lsi_3108: ["lsi", "3108", "megaraid", "sas"],
  service_pack: ["service pack", "spp", "firmware pack"],
};

/**
 * Where a binary's current version comes from: the server's BIOS or BMC version, the inventory entries
 * a keyword finds (name or software id), or, for `nic` and `other` (no rule in the seed), the inventory
 * entries whose name contains the binary's name.
 */
export type MatchKind = "bios" | "bmc" | "keywords" | "name";

export type BaselineBinary = { id: number; name: string; firmwareType: string; version: string; manufacturer: string; models: string[] };

/** A binary as the compliance query reads it: every value precomputed, so SQL only compares. */
export type BinaryRule = {
  id: number;
  firmware_type: string;
  version: string;
  match: MatchKind;
  /** The server manufacturers (as stored) that name the binary's vendor. */
  vendors: string[];
  /** Lower-cased, trimmed models; empty means every model of the vendor. */
  models: string[];
  /** Lower-case LIKE patterns for the inventory entry's name (and, for keywords, its software id). */
  patterns: string[];
};

export function matchKind(firmwareType: string): MatchKind {
  if (firmwareType === "bios" || firmwareType === "bmc") return firmwareType;
  return firmwareType in MATCH_KEYWORDS ? "keywords" : "name";
}

const contains = (text: string) => `%${escapeLike(text.toLowerCase())}%`;

/**
 * Vendors are compared through the alias table, so a catalog's `HPE` fits a server stored as `HPE`
 * whatever the BMC said, and an unknown vendor still matches its own spellings (`Contoso Ltd` = `Contoso`).
 */
export function toRule(binary: BaselineBinary, serverManufacturers: readonly string[]): BinaryRule {
  const match = matchKind(binary.firmwareType);
  const patterns =
    match === "keywords" ? MATCH_KEYWORDS[binary.firmwareType as FirmwareType]!.map(contains) : match === "name" ? [contains(binary.name.trim())] : [];
  return {
    id: binary.id,
    firmware_type: binary.firmwareType,
    version: binary.version,
    match,
    vendors: serverManufacturers.filter((manufacturer) => sameVendor(manufacturer, binary.manufacturer)),
    models: binary.models.map((model) => model.trim().toLowerCase()),
    patterns,
  };
}
