import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { scanChunkAbandoned } from "~/workers/tasks/scan-chunk";
import { scanChunk } from "./run-chunk";
import { scanChunkJobKey } from "./schemas";

// No worker runs in this file: every scan started here stays `scanning`, with its jobs queued.
let api: TestApi;
let staff: string;
let user: string;
let counter = 0;
const RUN = "/api/node_discovery/run_scan/";

beforeAll(async () => {
  process.env.RACKPILOT_SCAN_CHUNK_SIZE = "100";
  api = await startTestApi();
  staff = (await createTestUser(api.db, { isStaff: true })).token;
  user = (await createTestUser(api.db)).token;
});
afterAll(() => api.close());

async function createRange(addresses: [string, string] = [`127.54.20.${++counter}`, `127.54.20.${counter}`]) {
  const response = await api.request("POST", "/api/node_discovery/scan_range/", { token: staff, json: { name: `range ${++counter}`, ip_from: addresses[0], ip_to: addresses[1] } });
  return response.body as { id: number; name: string };
}
const run = (json: unknown, token = staff) => api.request("POST", RUN, { token, json });
const range = async (id: number) => (await api.request("GET", `/api/node_discovery/scan_range/${id}/`, { token: user })).body;
const queuedChunkJobs = async () =>
  (await api.db.execute<{ n: number }>(sql`select count(*)::int as n from graphile_worker.jobs where task_identifier = 'scan_chunk'`))[0]!.n;

describe("POST /api/node_discovery/run_scan/", () => {
  it("answers 202 with the ranges already scanning, one chunk job per block of addresses, progress from zero", async () => {
    const wide = await createRange(["127.54.21.0", "127.54.22.43"]);
    const before = await queuedChunkJobs();
    const response = await run({ scan_ranges: [wide.id] });
    expect(response.status).toBe(202);
    expect(response.body.scan_ranges).toHaveLength(1);
    expect(response.body.scan_ranges[0]).toMatchObject({ id: wide.id, status: "scanning", status_message: "", addresses_probed: 0, addresses_total: 300 });
    // The seed's walkthrough polls right away: the range must read `scanning` already.
    expect((await range(wide.id)).status).toBe("scanning");
    expect((await queuedChunkJobs()) - before).toBe(3);
  });

  it("refuses a range that is scanning already, and then changes nothing for the others in the request", async () => {
    const busy = await createRange();
    const idle = await createRange();
    expect((await run({ scan_ranges: [busy.id] })).status).toBe(202);
    const before = await queuedChunkJobs();
    const refused = await run({ scan_ranges: [idle.id, busy.id] });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ scan_ranges: [`Scan range "${busy.name}" (id ${busy.id}) is already scanning: wait for it to finish.`] });
    expect((await range(idle.id)).status).toBe("ready");
    expect(await queuedChunkJobs()).toBe(before);
  });

  it("answers 400 like every bad pk, for unknown ids, wrong types and empty or missing lists", async () => {
    const known = await createRange();
    const cases: Array<[unknown, unknown]> = [
      [{ scan_ranges: [known.id, 999] }, { scan_ranges: ['Invalid pk "999" - object does not exist.'] }],
      [{ scan_ranges: [3_000_000_000] }, { scan_ranges: ['Invalid pk "3000000000" - object does not exist.'] }],
      [{ scan_ranges: ["x"] }, { scan_ranges: ["Incorrect type. Expected pk value, received str."] }],
      [{ scan_ranges: 1 }, { scan_ranges: ['Expected a list of items but got type "int".'] }],
      [{ scan_ranges: [] }, { scan_ranges: ["This list may not be empty."] }],
      [{}, { scan_ranges: ["This field is required."] }],
    ];
    for (const [body, errors] of cases) {
      const response = await run(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toEqual(errors);
    }
    expect((await range(known.id)).status).toBe("ready");
  });

  it("is staff only: 403 before the body is even read, 401 without a token", async () => {
    const target = await createRange();
    expect((await run({ scan_ranges: [target.id] }, user)).status).toBe(403);
    expect((await run({ scan_ranges: [999] }, user)).body).toEqual({ detail: "You do not have permission to perform this action." });
    expect((await api.request("POST", RUN, { json: { scan_ranges: [target.id] } })).status).toBe(401);
    expect((await api.request("GET", RUN, { token: staff })).status).toBe(405);
    expect((await range(target.id)).status).toBe("ready");
  });

  it("scans the same range once when its id is given twice", async () => {
    const twice = await createRange();
    const response = await run({ scan_ranges: [twice.id, twice.id] });
    expect(response.status).toBe(202);
    expect(response.body.scan_ranges.map((r: { id: number }) => r.id)).toEqual([twice.id]);
  });
});

describe("a chunk whose worker died during its last attempt", () => {
  it("fails, and the scan ends in error saying why once every other chunk has ended", async () => {
    const target = await createRange(["127.54.23.0", "127.54.23.199"]);
    expect((await run({ scan_ranges: [target.id] })).status).toBe(202);
    const chunks = await api.db.execute<{ id: number }>(sql`select id from scan_chunks where scan_range_id = ${target.id} order by id`);
    expect(chunks).toHaveLength(2);
    const abandoned = (id: number) => scanChunkAbandoned({ id: "1", taskIdentifier: "scan_chunk", key: scanChunkJobKey(id), attempts: 3, maxAttempts: 3 });
    await abandoned(chunks[0]!.id);
    expect((await range(target.id)).status).toBe("scanning");
    await abandoned(chunks[1]!.id);
    expect(await range(target.id)).toMatchObject({
      status: "error",
      status_message: "2 of 2 chunks of the scan failed: the worker scanning it stopped during each of its 3 attempts",
      last_scan_found: 0,
    });
    // The range can be scanned again.
    expect((await run({ scan_ranges: [target.id] })).status).toBe(202);
  });
});

it("a last attempt interrupted by a worker shutting down fails its chunk, so the scan ends in error", async () => {
  const target = await createRange();
  expect((await run({ scan_ranges: [target.id] })).status).toBe(202);
  const [chunk] = await api.db.execute<{ id: number }>(sql`select id from scan_chunks where scan_range_id = ${target.id}`);
  await expect(scanChunk({ chunkId: chunk!.id, attempt: 3, maxAttempts: 3, signal: AbortSignal.abort() })).rejects.toThrow("interrupted");
  expect(await range(target.id)).toMatchObject({ status: "error", status_message: "1 of 1 chunks of the scan failed: the sweep was interrupted: its worker is stopping" });
});
