/**
 * Reading what a BMC runs now, in the places compliance reads: the system's `BiosVersion`, the
 * manager's `FirmwareVersion`, a firmware inventory entry's `Version`, each exactly as spelled.
 */
import type { RedfishClient } from "./client";
import { biosVersionOf } from "./inventory";
import { managerInfo } from "./inventory/firmware";
import type { FirmwareComponent, FirmwareReading } from "./inventory/types";
import { idOf, pathKey, pathOf, prop, text } from "./odata";
import { sleep } from "./retry";
import { isTransientBmcError } from "./update/errors";
import { quirksFor } from "./vendors";

export interface ComponentRef {
  component: FirmwareComponent;
  systemPath: string;
  managerPath: string | null;
  /** The firmware inventory entry (`server_firmwares.odata_id`), for components other than BIOS and BMC. */
  inventoryId?: string | null;
}

/** A JSON pointer (`/Current/SystemRomActive/0`, as iLO 4's legacy inventory ids carry) into a resource. */
function atPointer(resource: unknown, pointer: string): unknown {
  return pointer
    .split("/")
    .filter(Boolean)
    .reduce<unknown>((value, step) => (Array.isArray(value) ? value[Number(step)] : prop(value, decodeURIComponent(step))), resource);
}

const lastSegment = (path: string) => pathOf(path).split("/").filter(Boolean).at(-1) ?? "";

/** Whether an entry's `Id` is `inventoryId` renamed by an update (Dell ids embed the version); null when the vendor's ids are stable. */
function renamedEntryTest(vendor: string | null, inventoryId: string): ((id: string) => boolean) | null {
  const keyOf = quirksFor(vendor).firmwareKey;
  if (!keyOf) return null;
  const wanted = keyOf(lastSegment(inventoryId));
  return (id) => keyOf(id) === wanted;
}

/** The entry's `Version`; an entry renamed by the update (Dell ids embed the version) is found again by its stable key. */
async function inventoryVersion(client: RedfishClient, inventoryId: string): Promise<string | null> {
  const [path, pointer] = inventoryId.split("#");
  const resource = await client.findResource(path);
  if (resource && pointer) {
    const entry = atPointer(resource, pointer);
    return text(prop(entry, "VersionString")) ?? text(prop(entry, "Version"));
  }
  if (resource) return text(prop(resource, "Version"));
  const isRenamed = renamedEntryTest(client.vendor, path);
  if (!isRenamed) return null;
  const collectionPath = pathOf(path).replace(/\/[^/]+\/?$/, "");
  for (const member of await client.members(collectionPath)) {
    const id = text(prop(member, "Id")) ?? idOf(member)?.split("/").filter(Boolean).at(-1) ?? "";
    if (isRenamed(id)) return text(prop(member, "Version"));
  }
  return null;
}

/**
 * The version the component runs now, exactly as the BMC spells it; null when it does not say. `justRead`: a system
 * resource the caller read just now through the same client: a BIOS's version is taken from it when it is its system.
 */
export async function readInstalledVersion(client: RedfishClient, ref: ComponentRef, justRead?: { path: string; resource: unknown }): Promise<string | null> {
  if (ref.component === "bios") return biosVersionOf(justRead && pathKey(justRead.path) === pathKey(ref.systemPath) ? justRead.resource : await client.getResource(ref.systemPath));
  if (ref.component === "bmc") {
    if (!ref.managerPath) throw new Error("reading the BMC's version needs the manager's path");
    return managerInfo(await client.getResource(ref.managerPath)).firmwareVersion;
  }
  if (!ref.inventoryId) throw new Error(`reading the ${ref.component} version needs its firmware inventory entry`);
  return inventoryVersion(client, ref.inventoryId);
}

/**
 * The version `readInstalledVersion` would answer, from a firmware reading just taken through the same client (the
 * same resources, parsed the same way): the system's BIOS, its manager's firmware, a DMTF inventory entry at its own
 * id or, renamed by the update, at the id with the same stable key on the client's vendor. Undefined when the reading
 * does not hold it (another manager, a legacy entry).
 */
export function installedVersionIn(reading: FirmwareReading, ref: ComponentRef, vendor: string | null): string | null | undefined {
  const system = reading.systems.find((candidate) => pathKey(candidate.odataId) === pathKey(ref.systemPath));
  if (!system) return undefined;
  if (ref.component === "bios") return system.biosVersion;
  if (ref.component === "bmc") return ref.managerPath && system.manager && pathKey(system.manager.odataId) === pathKey(ref.managerPath) ? system.manager.firmwareVersion : undefined;
  if (!ref.inventoryId || ref.inventoryId.includes("#")) return undefined;
  const entries = system.firmware ?? [];
  const entry = entries.find((candidate) => candidate.odataId === ref.inventoryId);
  if (entry) return entry.version;
  const isRenamed = renamedEntryTest(vendor, ref.inventoryId);
  return isRenamed ? entries.find((candidate) => isRenamed(candidate.id))?.version : undefined;
}

/** `installedVersionIn` the reading, else read from the BMC (a component the reading does not hold). */
export async function installedVersionFrom(client: RedfishClient, reading: FirmwareReading, ref: ComponentRef): Promise<string | null> {
  return installedVersionIn(reading, ref, client.vendor) ?? (await readInstalledVersion(client, ref));
}

export interface VersionReading {
  /** The version read (the last good read). */
  version: string | null;
  /** Every read succeeded and they all agree: the BMC is settled. */
  stable: boolean;
  reads: (string | null)[];
  /** Why a read failed (the BMC restarting, dropping sessions...), when one did. */
  error: string | null;
}

/**
 * `reads` reads of the installed version, `intervalMs` apart; stable when all succeed and agree.
 * After a BMC update, replies are unstable for a while, so Ironic wants three good reads in a row
 * (Ironic commit 85ec9d655); a transient failure ends the series early, unstable, without throwing.
 */
export async function confirmVersion(
  client: RedfishClient,
  ref: ComponentRef,
  options: { reads?: number; intervalMs?: number; signal?: AbortSignal } = {},
): Promise<VersionReading> {
  const { reads = 3, intervalMs = 1000, signal } = options;
  const seen: (string | null)[] = [];
  for (let index = 0; index < reads; index++) {
    if (index > 0) await sleep(intervalMs, signal);
    try {
      seen.push(await readInstalledVersion(client, ref));
    } catch (error) {
      if (!isTransientBmcError(error)) throw error;
      return { version: seen.at(-1) ?? null, stable: false, reads: seen, error: error instanceof Error ? error.message : String(error) };
    }
  }
  const stable = seen.length === reads && seen[0] !== null && seen.every((version) => version === seen[0]);
  return { version: seen.at(-1) ?? null, stable, reads: seen, error: null };
}
