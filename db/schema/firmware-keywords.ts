import { sql, type SQL } from "drizzle-orm";

/**
 * Seed 003's keywords: a firmware inventory entry is a candidate for a binary of these types when its
 * `name` or `software_id` contains one of the type's keywords, ignoring case.
 */
export const FIRMWARE_MATCH_KEYWORDS = {
  storage_controller: ["storage", "raid", "perc", "storage controller", "hba"],
  lsi_3108: ["lsi", "3108", "megaraid", "sas"],
  service_pack: ["service pack", "spp", "firmware pack"],
} as const;

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The keyword types a `server_firmwares` row matches, as its generated column's expression: computed
 * once when the row is written, so a fleet-wide compliance check reads an array instead of matching
 * every keyword against every entry.
 */
export function keywordTypesExpression(): SQL {
  const cases = Object.entries(FIRMWARE_MATCH_KEYWORDS).map(([type, keywords]) => {
    const patterns = `array[${keywords.map((keyword) => literal(`%${keyword}%`)).join(", ")}]`;
    return `case when lower(name) like any (${patterns}) or lower(software_id) like any (${patterns}) then ${literal(type)} end`;
  });
  return sql.raw(`array_remove(array[${cases.join(", ")}]::text[], null)`);
}
