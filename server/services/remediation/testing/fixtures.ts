import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { asc, eq, inArray } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { firmwareBaselineBinaries, firmwareBaselines, firmwareBinaries, pools, requests, requestServers, servers, type RequestRow } from "~/db/schema";
import { dataDir } from "~/server/config";
import { firmwareFileUrl } from "~/server/services/firmware/public-url";
import { makeImage, type FirmwareType } from "~/simulator";
import { PROFILES } from "~/simulator/vendors";
import type { VendorKey } from "~/simulator/types";
import { startRemediation } from "../start";

/** A catalog binary with Rackpilot's stored copy, as an upload leaves it: a simulator image under the data dir. */
export async function storeBinary(db: DbExecutor, values: { vendor: VendorKey; manufacturer: string; model: string; type: FirmwareType; version: string }) {
  const image = makeImage({ vendor: PROFILES[values.vendor].family, type: values.type, version: values.version, models: [values.model], name: `${values.type} ${values.version}` });
  const checksum = createHash("sha256").update(image).digest("hex");
  await mkdir(path.join(dataDir(), "firmware"), { recursive: true });
  await writeFile(path.join(dataDir(), "firmware", checksum), image);
  const name = `${values.vendor}-${values.model}-${values.type}-${values.version}`.replace(/[^A-Za-z0-9.-]+/g, "_");
  const [row] = await db
    .insert(firmwareBinaries)
    .values({
      name,
      firmwareType: values.type,
      version: values.version,
      manufacturer: values.manufacturer,
      models: [values.model],
      location: firmwareFileUrl(process.env.RACKPILOT_PUBLIC_URL ?? "http://127.0.0.1", checksum, `${name}.bin`),
      storedPath: path.join("firmware", checksum),
      checksum,
      size: image.length,
    })
    .returning();
  return row!;
}

export type TargetVersions = (server: { id: number; vendor: VendorKey }) => Partial<Record<FirmwareType, string>>;

/**
 * A baseline over the given registered servers (each BMC's vendor known): one binary per server model
 * and firmware type, at the version `versions` gives. Answers the baseline id.
 */
export async function createBaseline(db: DbExecutor, name: string, fleetServers: { id: number; vendor: VendorKey }[], versions: TargetVersions): Promise<number> {
  const rows = await db.select().from(servers).where(inArray(servers.id, fleetServers.map((server) => server.id)));
  const made = new Map<string, number>();
  for (const server of fleetServers) {
    const row = rows.find((candidate) => candidate.id === server.id)!;
    for (const [type, version] of Object.entries(versions(server)) as [FirmwareType, string][]) {
      const key = `${row.manufacturer}/${row.model}/${type}`;
      if (!made.has(key)) made.set(key, (await storeBinary(db, { vendor: server.vendor, manufacturer: row.manufacturer, model: row.model, type, version })).id);
    }
  }
  const [baseline] = await db.insert(firmwareBaselines).values({ name }).returning();
  await db.insert(firmwareBaselineBinaries).values([...made.values()].map((firmwareBinaryId) => ({ baselineId: baseline!.id, firmwareBinaryId })));
  return baseline!.id;
}

/** A pool holding these servers. */
export async function createPool(db: DbExecutor, name: string, serverIds: number[]): Promise<number> {
  const [pool] = await db.insert(pools).values({ name, groupId: 1 }).returning();
  await db.update(servers).set({ resourcePoolId: pool!.id }).where(inArray(servers.id, serverIds));
  return pool!.id;
}

/**
 * A request created as the API creates one: the request (pending) and its servers (the pool's,
 * resolved), then `startRemediation`, all in one transaction.
 */
export async function createRemediationRequest(db: DbExecutor, type: "firmware_baseline_update" | "firmware_update", data: Record<string, unknown>, serverIds: number[]): Promise<RequestRow> {
  return db.transaction(async (tx) => {
    const [request] = await tx.insert(requests).values({ type, status: "pending", data }).returning();
    await tx.insert(requestServers).values(serverIds.map((serverId) => ({ requestId: request!.id, serverId })));
    await startRemediation(tx, request!.id);
    return request!;
  });
}

/** The servers of a pool, by id. */
export async function poolServerIds(db: DbExecutor, poolId: number): Promise<number[]> {
  return (await db.select({ id: servers.id }).from(servers).where(eq(servers.resourcePoolId, poolId)).orderBy(asc(servers.id))).map((row) => row.id);
}

/** Polls the request until it is no longer pending or running. */
export async function waitForRequest(db: DbExecutor, requestId: number, timeoutMs: number): Promise<RequestRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [request] = await db.select().from(requests).where(eq(requests.id, requestId));
    if (request && request.status !== "pending" && request.status !== "running") return request;
    if (Date.now() > deadline) throw new Error(`request ${requestId} still ${request?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
