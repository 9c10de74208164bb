/**
 * How iLO spells its own version in each place. The manager's `FirmwareVersion` (where compliance
 * reads it) is `iLO 5 v2.55`; the firmware inventory adds the build date (`2.55 Oct 01 2021`); the
 * service root's `Oem.Hpe.Manager[].ManagerFirmwareVersion` is the bare `2.55` (ilorest parses it).
 */
const ILO_VERSION = /^iLO \d+ v(\d+\.\d+)$/;

/** Build dates of the versions the profiles start with; 2.55's is from a real DL360 Gen10 Plus. */
const BUILD_DATES: Record<string, string> = {
  "iLO 5 v2.46": "Jun 17 2021",
  "iLO 5 v2.55": "Oct 01 2021",
  "iLO 5 v2.72": "Sep 04 2022",
  "iLO 4 v2.70": "May 07 2019",
  "iLO 4 v2.73": "Feb 11 2020",
  "iLO 4 v2.78": "Apr 28 2021",
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A stable made-up build date for versions outside the table (an image flashed with a new version). */
function madeUpDate(version: string): string {
  let hash = 0;
  for (const char of version) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `${MONTHS[hash % 12]} ${String((hash % 28) + 1).padStart(2, "0")} 2023`;
}

export function iloInventoryVersion(version: string): string {
  const match = ILO_VERSION.exec(version);
  return match ? `${match[1]} ${BUILD_DATES[version] ?? madeUpDate(version)}` : version;
}

export function iloShortVersion(version: string | undefined): string | undefined {
  return version === undefined ? undefined : (ILO_VERSION.exec(version)?.[1] ?? version);
}

/** `U46 v1.56 (11/29/2021)` -> `U46`: the ROM family names the System ROM image. */
export function romFamily(version: string | undefined, fallback: string): string {
  return /^([A-Z]\d{2}) v/.exec(version ?? "")?.[1] ?? fallback;
}
