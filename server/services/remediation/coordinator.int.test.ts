import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client";
import { requests, requestServers } from "~/db/schema";
import { useFreshDatabase } from "~/db/testing/database";
import { createTestServer } from "~/server/testing/inventory";
import { advanceRequest, beginRequest } from "./coordinator";
import { REMEDIATION_SERVER_TASK, requestServerOfJobKey } from "./jobs";
import { createRemediationRequest } from "./testing/fixtures";

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
beforeAll(async () => {
  database = await useFreshDatabase();
});
afterAll(() => database.drop());

describe("starting a request's servers", () => {
  it("starts pending servers in order up to max_parallel, each with its first job; one protected meanwhile is cancelled in its turn", async () => {
    const db = getDb();
    const [request] = await db.insert(requests).values({ type: "firmware_baseline_update", status: "running", data: { max_parallel: 2 } }).returning();
    const parts = [];
    for (const name of ["first", "guarded", "second", "third"]) {
      const server = await createTestServer(db, { name: `coordinator-${name}`, protected: name === "guarded" });
      const [part] = await db.insert(requestServers).values({ requestId: request!.id, serverId: server.id }).returning();
      parts.push(part!);
    }
    const [first, guarded, second, third] = parts;

    await advanceRequest(db, undefined, request!.id);

    const rows = await db.select().from(requestServers).where(eq(requestServers.requestId, request!.id)).orderBy(asc(requestServers.id));
    expect(rows.map((row) => [row.id, row.status, row.generation])).toEqual([
      [first!.id, "running", 1],
      [guarded!.id, "cancelled", 0],
      [second!.id, "running", 1],
      [third!.id, "pending", 0],
    ]);
    expect(rows[1]!.message).toContain("marked protected after the request was created");
    const jobs = await db.execute<{ key: string; payload: unknown; max_attempts: number }>(
      sql`select job.key, job.payload, job.max_attempts from graphile_worker._private_jobs job join graphile_worker._private_tasks task on task.id = job.task_id
          where task.identifier = ${REMEDIATION_SERVER_TASK} order by job.id`,
    );
    expect(jobs.map((job) => requestServerOfJobKey(job.key))).toEqual([first!.id, second!.id]);
    expect(jobs.map((job) => job.payload)).toEqual([
      { request_server_id: first!.id, generation: 1 },
      { request_server_id: second!.id, generation: 1 },
    ]);
    expect(jobs.every((job) => job.max_attempts === 10)).toBe(true);
  });
});

describe("beginning a request", () => {
  // The planner's estimate of request_steps' rows, as the last analyze left it (-1: never analyzed).
  const estimatedSteps = async () => (await getDb().execute<{ rows: number }>(sql`select reltuples::float8 as rows from pg_class where oid = 'request_steps'::regclass`))[0]!.rows;
  async function begin(servers: number) {
    const db = getDb();
    const ids = [];
    for (let index = 0; index < servers; index++) ids.push((await createTestServer(db, { name: `analyzed-${servers}-${index}` })).id);
    const request = await createRemediationRequest(db, "firmware_baseline_update", {}, ids);
    await beginRequest(db, request.id);
    return (await db.execute<{ n: number }>(sql`select count(*)::int as n from request_steps`))[0]!.n;
  }

  it("analyzes the step table when its steps add a tenth or more to it, before its servers start", async () => {
    // Only the engine analyzes here: autovacuum's own analyze could land between two requests.
    await getDb().execute(sql`alter table request_steps set (autovacuum_enabled = false)`);
    expect(await estimatedSteps()).toBe(-1);
    const afterFirst = await begin(2);
    expect(await estimatedSteps()).toBe(afterFirst);
    const afterLarger = await begin(30);
    expect(afterLarger).toBeGreaterThan(afterFirst * 1.1);
    expect(await estimatedSteps()).toBe(afterLarger);
    // One server adds far less than a tenth: left to autovacuum.
    expect(await begin(1)).toBeGreaterThan(afterLarger);
    expect(await estimatedSteps()).toBe(afterLarger);
  });
});
