import { asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client";
import { bmcLeases, nodes, requests, requestServers, requestSteps } from "~/db/schema";
import { useFreshDatabase } from "~/db/testing/database";
import { createTestServer } from "~/server/testing/inventory";
import { acquireBmcLease, BmcBusyError, leaseFromTake, leaseTake } from "../bmc-operations";
import { bringServerJobsForward, requestServerOfJobKey } from "./jobs";
import { loadServerPart, remediationLeaseDescription } from "./load";
import { finishServer, handOver, markSteps, saveStep, saveStepAndStart, SupersededError } from "./persist";
import { runServerJob } from "./run-server";

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let partId: number;
let requestId: number;
const stepIds: number[] = [];

beforeAll(async () => {
  database = await useFreshDatabase();
  const db = getDb();
  const server = await createTestServer(db, { name: "persist" });
  const [request] = await db.insert(requests).values({ type: "firmware_baseline_update", status: "running", data: {} }).returning();
  const [part] = await db.insert(requestServers).values({ requestId: request!.id, serverId: server.id, status: "running", generation: 1 }).returning();
  partId = part!.id;
  requestId = request!.id;
  const steps = await db
    .insert(requestSteps)
    .values(["wait_for_task", "confirm_version", "log_new_versions"].map((name, position) => ({ requestServerId: partId, position, name })))
    .returning();
  stepIds.push(...steps.map((step) => step.id));
});
afterAll(() => database.drop());

const stepsNow = async () => Object.fromEntries((await getDb().select().from(requestSteps).where(eq(requestSteps.requestServerId, partId))).map((step) => [step.id, step]));
const partNow = async () => (await getDb().select().from(requestServers).where(eq(requestServers.id, partId)))[0]!;
// Queued server jobs, each with the request-server its key names (the parser the exhausted-job handler reads).
const serverJobs = async () =>
  (await getDb().execute<{ key: string | null; payload: { generation: number }; run_at: Date }>(sql`select key, payload, run_at from graphile_worker._private_jobs order by id`)).map(
    ({ key, payload, run_at }) => ({ server: requestServerOfJobKey(key), payload, run_at }),
  );
// This server's queued jobs.
const queuedJobs = async () => (await serverJobs()).filter((job) => job.server === partId).map(({ payload, run_at }) => ({ payload, run_at }));

/** Another request with one running server, its first step running and the others pending. */
async function newPart(name: string, stepNames: string[]) {
  const db = getDb();
  const [request] = await db.insert(requests).values({ type: "firmware_baseline_update", status: "running", data: {} }).returning();
  const server = await createTestServer(db, { name });
  const [part] = await db.insert(requestServers).values({ requestId: request!.id, serverId: server.id, status: "running", generation: 1 }).returning();
  const steps = await db
    .insert(requestSteps)
    .values(stepNames.map((step, position) => ({ requestServerId: part!.id, position, name: step, status: position ? "pending" : "running" })))
    .returning();
  const [node] = await db.select().from(nodes).where(eq(nodes.id, server.nodeId!));
  return { request: request!, part: part!, steps, node: node! };
}

describe("the engine's writes, each only while its job owns the server", () => {
  it("writes a step, marks steps, and hands over: the step, the next generation and its job in one go", async () => {
    const db = getDb();
    const owner = { requestServerId: partId, generation: 1 };
    await saveStep(db, owner, stepIds[0]!, { status: "running", started: true });
    expect((await stepsNow())[stepIds[0]!]).toMatchObject({ status: "running", startedAt: expect.any(Date), finishedAt: null });
    expect(await saveStepAndStart(db, owner, stepIds[0]!, { status: "succeeded", message: "Task completed.", finished: true }, stepIds[1]!, requestId)).toBe(true);
    expect((await stepsNow())[stepIds[0]!]).toMatchObject({ status: "succeeded", message: "Task completed.", finishedAt: expect.any(Date) });
    expect((await stepsNow())[stepIds[1]!]).toMatchObject({ status: "running", startedAt: expect.any(Date), finishedAt: null });
    await markSteps(db, owner, [stepIds[1]!, stepIds[2]!], "skipped", "Already at 2.0.");
    expect(Object.values(await stepsNow()).map((step) => [step.name, step.status, step.message])).toEqual(
      expect.arrayContaining([
        ["confirm_version", "skipped", "Already at 2.0."],
        ["log_new_versions", "skipped", "Already at 2.0."],
      ]),
    );
    expect((await stepsNow())[stepIds[0]!]).toMatchObject({ status: "succeeded", message: "Task completed." });
    const runAt = new Date(Date.now() + 60_000);
    await handOver(db, owner, stepIds[0]!, { status: "waiting", message: "Task running 40%.", state: { polls: 1 } }, runAt);
    expect((await stepsNow())[stepIds[0]!]).toMatchObject({ status: "waiting", message: "Task running 40%.", state: { polls: 1 } });
    expect((await partNow()).generation).toBe(2);
    const waiting = (await stepsNow())[stepIds[0]!]!;
    await saveStep(db, { requestServerId: partId, generation: 2 }, stepIds[0]!, { message: "Task running 60%." });
    expect((await stepsNow())[stepIds[0]!]).toEqual({ ...waiting, message: "Task running 60%." });
    const jobs = await queuedJobs();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.payload).toEqual({ request_server_id: partId, generation: 2 });
    expect(new Date(jobs[0]!.run_at).getTime()).toBe(runAt.getTime());
    // A hand-over that only says why (the BMC busy) keeps the step's status, state and times.
    const later = new Date(Date.now() + 5_000);
    await handOver(db, { requestServerId: partId, generation: 2 }, stepIds[0]!, { message: "BMC busy." }, later);
    expect((await stepsNow())[stepIds[0]!]).toEqual({ ...waiting, message: "BMC busy." });
    expect((await partNow()).generation).toBe(3);
    const replaced = await queuedJobs();
    expect(replaced.map((job) => [job.payload, new Date(job.run_at).getTime()])).toEqual([[{ request_server_id: partId, generation: 3 }, later.getTime()]]);
  });

  it("ends a step and starts the next one that starts new work only if the request was not cancelled meanwhile", async () => {
    const db = getDb();
    const { request, part, steps } = await newPart("persist-cancel", ["log_versions", "check_binary"]);
    const [first, second] = steps;
    await db.update(requests).set({ cancelRequestedAt: new Date() }).where(eq(requests.id, request!.id));
    const owner = { requestServerId: part!.id, generation: 1 };
    expect(await saveStepAndStart(db, owner, first!.id, { status: "succeeded", finished: true }, second!.id, request!.id)).toBe(false);
    const rows = Object.fromEntries((await db.select().from(requestSteps).where(eq(requestSteps.requestServerId, part!.id))).map((step) => [step.name, step]));
    expect(rows.log_versions).toMatchObject({ status: "succeeded", finishedAt: expect.any(Date) });
    expect(rows.check_binary).toMatchObject({ status: "pending", startedAt: null });
    // A next step that does not start new work (no request to check) starts whatever the cancel.
    expect(await saveStepAndStart(db, owner, first!.id, { message: "again" }, second!.id, null)).toBe(true);
    expect((await db.select().from(requestSteps).where(eq(requestSteps.id, second!.id)))[0]).toMatchObject({ status: "running", startedAt: expect.any(Date) });
  });

  it("hands over a step that only waits together with the end of the step before it: both rows, the next generation and its job, or nothing", async () => {
    const db = getDb();
    const { part, steps } = await newPart("persist-prior", ["send_update", "wait_for_task"]);
    const [send, wait] = steps;
    const owner = { requestServerId: part.id, generation: 1 };
    const prior = { stepId: send!.id, patch: { status: "succeeded" as const, message: "Accepted.", state: { accepted: { task: "/Tasks/1" } }, finished: true } };
    const runAt = new Date(Date.now() + 30_000);
    // Superseded: neither row is written.
    await expect(handOver(db, { ...owner, generation: 0 }, wait!.id, { status: "waiting", started: true }, runAt, undefined, prior)).rejects.toBeInstanceOf(SupersededError);
    expect((await db.select().from(requestSteps).where(eq(requestSteps.requestServerId, part.id)).orderBy(asc(requestSteps.position))).map((step) => step.status)).toEqual(["running", "pending"]);
    await handOver(db, owner, wait!.id, { status: "waiting", message: "First look later.", state: { accepted: { task: "/Tasks/1" } }, started: true }, runAt, undefined, prior);
    const [sent, waiting] = await db.select().from(requestSteps).where(eq(requestSteps.requestServerId, part.id)).orderBy(asc(requestSteps.position));
    expect(sent).toMatchObject({ status: "succeeded", message: "Accepted.", state: { accepted: { task: "/Tasks/1" } }, finishedAt: expect.any(Date) });
    expect(waiting).toMatchObject({ status: "waiting", message: "First look later.", state: { accepted: { task: "/Tasks/1" } }, finishedAt: null });
    // One statement: the wait starts when the send ends.
    expect(waiting!.startedAt).toEqual(sent!.finishedAt);
    const [row] = await db.select().from(requestServers).where(eq(requestServers.id, part.id));
    expect(row!.generation).toBe(2);
    const jobs = (await serverJobs()).filter((job) => job.server === part.id);
    expect(jobs.map((job) => [job.payload, new Date(job.run_at).getTime()])).toEqual([[{ request_server_id: part.id, generation: 2 }, runAt.getTime()]]);
  });

  it("writes the audit log's versions with the end of the step that logs them, only while the job owns its server", async () => {
    const db = getDb();
    const { part, steps } = await newPart("persist-audit", ["log_versions", "check_binary", "log_new_versions"]);
    const [logged, check, last] = steps;
    const owner = { requestServerId: part.id, generation: 1 };
    const versionsNow = async () => (await db.select({ before: requestServers.versionsBefore, after: requestServers.versionsAfter }).from(requestServers).where(eq(requestServers.id, part.id)))[0];
    await expect(saveStepAndStart(db, { ...owner, generation: 0 }, logged!.id, { status: "succeeded", finished: true }, check!.id, null, { before: { bios: "1.0" } })).rejects.toBeInstanceOf(SupersededError);
    expect(await versionsNow()).toEqual({ before: null, after: null });
    await saveStepAndStart(db, owner, logged!.id, { status: "succeeded", finished: true }, check!.id, null, { before: { bios: "1.0", bmc: null } });
    expect(await versionsNow()).toEqual({ before: { bios: "1.0", bmc: null }, after: null });
    // A step's end that logs nothing leaves them as they are.
    await saveStepAndStart(db, owner, check!.id, { status: "succeeded", finished: true }, last!.id, null);
    await saveStep(db, owner, last!.id, { status: "running" });
    expect(await versionsNow()).toEqual({ before: { bios: "1.0", bmc: null }, after: null });
    await expect(saveStep(db, { ...owner, generation: 2 }, last!.id, { status: "succeeded", finished: true }, { after: { bios: "2.0" } })).rejects.toBeInstanceOf(SupersededError);
    await saveStep(db, owner, last!.id, { status: "succeeded", finished: true }, { after: { bios: "2.0", bmc: "7.0" } });
    expect(await versionsNow()).toEqual({ before: { bios: "1.0", bmc: null }, after: { bios: "2.0", bmc: "7.0" } });
  });

  it("parks the job's BMC lease in the hand-over itself: not renewed, kept from others, back to the server's next job", async () => {
    const db = getDb();
    const { part, steps, node } = await newPart("persist-lease", ["wait_for_task"]);
    const operation = { kind: "remediation" as const, owner: `remediation:request-server:${part.id}`, description: "a firmware request" };
    const leaseNow = async () => (await db.select().from(bmcLeases).where(eq(bmcLeases.nodeId, node.id)))[0]!;
    const lease = await acquireBmcLease(node, operation, { waitMs: 0, ttlMs: 300, db });
    await handOver(db, { requestServerId: part.id, generation: 1 }, steps[0]!.id, { status: "waiting" }, new Date(), lease.parkValues(60_000));
    const parked = await leaseNow();
    expect(parked.expiresAt.getTime() - Date.now()).toBeGreaterThan(50_000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await leaseNow()).expiresAt).toEqual(parked.expiresAt);
    await expect(acquireBmcLease(node, { ...operation, owner: "refresh" }, { waitMs: 0, db })).rejects.toThrow(BmcBusyError);
    const next = await acquireBmcLease(node, operation, { waitMs: 0, db });
    // A superseded job's hand-over parks nothing.
    await expect(handOver(db, { requestServerId: part.id, generation: 1 }, steps[0]!.id, { status: "waiting" }, new Date(), next.parkValues(3_600_000))).rejects.toBeInstanceOf(SupersededError);
    expect((await leaseNow()).expiresAt.getTime() - Date.now()).toBeLessThan(60_000);
    await next.release();
  });

  it("brings a server's queued job forward, never later, and leaves a running one alone", async () => {
    const db = getDb();
    const { part, steps } = await newPart("persist-forward", ["wait_for_task"]);
    const key = `remediation:server:${part.id}`;
    const dueAt = async () => (await db.execute<{ ms: number }>(sql`select round(extract(epoch from run_at) * 1000)::float8 as ms from graphile_worker.jobs where key = ${key}`))[0]!.ms;
    const now = Date.now();
    await handOver(db, { requestServerId: part.id, generation: 1 }, steps[0]!.id, { status: "waiting" }, new Date(now + 60_000));
    await bringServerJobsForward(db, [{ server: part.id, lookAt: new Date(now + 5_000) }]);
    expect(await dueAt()).toBe(now + 5_000);
    await bringServerJobsForward(db, [{ server: part.id, lookAt: new Date(now + 30_000) }]);
    expect(await dueAt()).toBe(now + 5_000);
    await db.execute(sql`update graphile_worker._private_jobs set locked_at = now(), locked_by = 'test' where key = ${key}`);
    await bringServerJobsForward(db, [{ server: part.id, lookAt: new Date(now) }]);
    expect(await dueAt()).toBe(now + 5_000);
  });

  it("loads a server's part with its steps in order, each as drizzle reads the table", async () => {
    const db = getDb();
    const owner = { requestServerId: partId, generation: 3 };
    const loaded = await loadServerPart(db, owner, leaseTake("remediation", "persist-load"));
    const steps = await db.select().from(requestSteps).where(eq(requestSteps.requestServerId, partId)).orderBy(asc(requestSteps.position));
    expect(steps.some((step) => step.startedAt !== null && step.finishedAt !== null && Object.keys(step.state).length > 0)).toBe(true);
    expect(loaded!.steps).toEqual(steps);
    expect(loaded!.part).toEqual(await partNow());
    await db.delete(bmcLeases).where(eq(bmcLeases.nodeId, loaded!.node!.id));
    expect(await loadServerPart(db, { ...owner, requestServerId: partId + 1000 }, leaseTake("remediation", "persist-load"))).toBeNull();
  });

  it("takes the job's BMC lease in its opening read, only while the job owns its running server, as acquiring it would", async () => {
    const db = getDb();
    const { request, part, node } = await newPart("persist-take", ["compliance_check"]);
    const owner = { requestServerId: part.id, generation: 1 };
    const description = remediationLeaseDescription(request.id);
    const leaseNow = async () => (await db.select().from(bmcLeases).where(eq(bmcLeases.nodeId, node.id)))[0];
    const take = () => leaseTake("remediation", `remediation:request-server:${part.id}`);
    // A superseded job takes nothing.
    expect((await loadServerPart(db, { ...owner, generation: 0 }, take()))!.lease).toEqual({ token: null, holder: null });
    expect(await leaseNow()).toBeUndefined();
    // Another operation holds the BMC: busy, naming it.
    const other = await acquireBmcLease(node, { kind: "refresh", owner: "refresh", description: "a refresh by admin" }, { waitMs: 0, db });
    const busy = take();
    const refused = await loadServerPart(db, owner, busy);
    expect(refused!.lease).toEqual({ token: null, holder: { description: "a refresh by admin", startedAt: (await leaseNow())!.startedAt } });
    await expect(leaseFromTake(db, node, busy, description, refused!.lease)).rejects.toThrow(/busy with another operation: a refresh by admin/);
    expect(await leaseNow()).toMatchObject({ owner: "refresh", token: other.token });
    await other.release();
    // Free: taken in the read, held (renewed, released) as an acquired lease.
    const first = take();
    const lease = await leaseFromTake(db, node, first, description, (await loadServerPart(db, owner, first))!.lease);
    expect(lease.token).toBe(first.token);
    expect(await leaseNow()).toMatchObject({ kind: "remediation", owner: first.owner, token: first.token, description });
    // The same owner (the server's next job) takes it back at once, with a new token.
    const again = take();
    expect((await loadServerPart(db, owner, again))!.lease.token).toBe(again.token);
    await expect(lease.assertHeld(db)).rejects.toThrow(/lost its lease/);
    await (await leaseFromTake(db, node, again, description, { token: again.token, holder: null })).release();
    expect(await leaseNow()).toBeUndefined();
  });

  it("refuses a superseded job (older generation, or the server ended) and changes nothing", async () => {
    const db = getDb();
    const stale = { requestServerId: partId, generation: 1 };
    const before = await stepsNow();
    const jobs = await queuedJobs();
    await expect(saveStep(db, stale, stepIds[0]!, { status: "succeeded", finished: true })).rejects.toBeInstanceOf(SupersededError);
    await expect(saveStepAndStart(db, stale, stepIds[0]!, { status: "succeeded", finished: true }, stepIds[2]!, null)).rejects.toBeInstanceOf(SupersededError);
    await expect(markSteps(db, stale, [stepIds[0]!], "cancelled", "no")).rejects.toBeInstanceOf(SupersededError);
    await expect(handOver(db, stale, stepIds[0]!, { status: "waiting", message: "stale" }, new Date())).rejects.toBeInstanceOf(SupersededError);
    await db.update(requestServers).set({ status: "cancelled" }).where(eq(requestServers.id, partId));
    await expect(handOver(db, { requestServerId: partId, generation: 3 }, stepIds[0]!, { status: "waiting", message: "ended" }, new Date())).rejects.toBeInstanceOf(SupersededError);
    expect(await stepsNow()).toEqual(before);
    expect((await partNow()).generation).toBe(3);
    expect(await queuedJobs()).toEqual(jobs);
  });
});

describe("a server that ends", () => {
  /** A request at max_parallel 2: two servers running (generation 1), three pending. */
  async function requestUnderWay() {
    const db = getDb();
    const [request] = await db.insert(requests).values({ type: "firmware_baseline_update", status: "running", data: { max_parallel: 2 } }).returning();
    const parts = [];
    for (const [index, status] of (["running", "running", "pending", "pending", "pending"] as const).entries()) {
      const server = await createTestServer(db, { name: `ends-${request!.id}-${index}` });
      const [part] = await db.insert(requestServers).values({ requestId: request!.id, serverId: server.id, status, generation: status === "running" ? 1 : 0 }).returning();
      parts.push(part!);
    }
    return { request: request!, ids: parts.map((part) => part.id) };
  }
  /** Takes the request's row lock as another transaction would; the answer releases it. */
  async function holdRequestLock(requestId: number, strength: "update" | "share") {
    let release!: () => void;
    let taken!: () => void;
    const lockTaken = new Promise<void>((resolve) => (taken = resolve));
    const holder = getDb().transaction(async (tx) => {
      await tx.select().from(requests).where(eq(requests.id, requestId)).for(strength);
      taken();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await lockTaken;
    return async () => {
      release();
      await holder;
    };
  }
  const partsOf = async (requestId: number) => getDb().select().from(requestServers).where(eq(requestServers.requestId, requestId)).orderBy(asc(requestServers.id));
  const jobsOf = async (ids: number[]) => (await serverJobs()).filter((job) => ids.includes(job.server ?? -1)).map((job) => [job.server, job.payload.generation]);

  it("starts the next pending server in its place when it succeeded, without waiting for the request's lock", async () => {
    const db = getDb();
    const { request, ids } = await requestUnderWay();
    const release = await holdRequestLock(request.id, "update");
    try {
      await finishServer(db, { requestServerId: ids[0]!, generation: 1 }, request, "succeeded", "");
      expect((await partsOf(request.id)).map((part) => [part.status, part.generation])).toEqual([
        ["succeeded", 2],
        ["running", 1],
        ["running", 1],
        ["pending", 0],
        ["pending", 0],
      ]);
      expect(await jobsOf(ids)).toEqual([[ids[2], 1]]);
    } finally {
      await release();
    }
  });

  it("takes a different server when several end at once, and the last to end ends the request", async () => {
    const db = getDb();
    const { request, ids } = await requestUnderWay();
    await Promise.all([0, 1].map((index) => finishServer(db, { requestServerId: ids[index]!, generation: 1 }, request, "succeeded", "")));
    expect((await partsOf(request.id)).map((part) => part.status)).toEqual(["succeeded", "succeeded", "running", "running", "pending"]);
    expect((await jobsOf(ids)).sort()).toEqual([[ids[2], 1], [ids[3], 1]].sort());
    await finishServer(db, { requestServerId: ids[2]!, generation: 1 }, request, "succeeded", "");
    await Promise.all([3, 4].map((index) => finishServer(db, { requestServerId: ids[index]!, generation: 1 }, request, "succeeded", "")));
    expect((await partsOf(request.id)).map((part) => part.status)).toEqual(["succeeded", "succeeded", "succeeded", "succeeded", "succeeded"]);
    expect((await db.select().from(requests).where(eq(requests.id, request.id)))[0]).toMatchObject({ status: "succeeded", finishedAt: expect.any(Date) });
  });

  it("does not queue for the request's lock at its end while another server is still at work", async () => {
    const db = getDb();
    const { request, ids } = await requestUnderWay();
    await db.update(requestServers).set({ status: "succeeded", generation: 2 }).where(inArray(requestServers.id, ids.slice(2)));
    // Another server's end checking the request at the same moment (what advanceAfterPassOn holds).
    const release = await holdRequestLock(request.id, "share");
    try {
      const ended = finishServer(db, { requestServerId: ids[0]!, generation: 1 }, request, "succeeded", "").then(() => "ended");
      expect(await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 2_000, "waiting"))])).toBe("ended");
    } finally {
      await release();
    }
    expect((await partsOf(request.id)).map((part) => part.status)).toEqual(["succeeded", "running", "succeeded", "succeeded", "succeeded"]);
    expect((await db.select().from(requests).where(eq(requests.id, request.id)))[0]!.status).toBe("running");
    await finishServer(db, { requestServerId: ids[1]!, generation: 1 }, request, "succeeded", "");
    expect((await db.select().from(requests).where(eq(requests.id, request.id)))[0]).toMatchObject({ status: "succeeded", finishedAt: expect.any(Date) });
  });

  it("ends the request when the job that ended its last server runs again: its worker died before the request went on", async () => {
    const db = getDb();
    const { request, ids } = await requestUnderWay();
    await db.update(requestServers).set({ status: "succeeded", generation: 2 }).where(inArray(requestServers.id, ids.slice(1)));
    // What the pass-on of the last server commits when nothing is pending: its end, with the next generation.
    await db.update(requestServers).set({ status: "succeeded", generation: 2, finishedAt: new Date() }).where(eq(requestServers.id, ids[0]!));
    await runServerJob(ids[0]!, 1, new AbortController().signal);
    expect((await db.select().from(requests).where(eq(requests.id, request.id)))[0]).toMatchObject({ status: "succeeded", finishedAt: expect.any(Date) });
    // A job older than the end changes nothing.
    const other = await requestUnderWay();
    await db.update(requestServers).set({ status: "succeeded", generation: 3 }).where(inArray(requestServers.id, other.ids));
    await runServerJob(other.ids[0]!, 1, new AbortController().signal);
    expect((await db.select().from(requests).where(eq(requests.id, other.request.id)))[0]).toMatchObject({ status: "running", finishedAt: null });
  });

  it("leaves starting the next server to the request's lock when the request is being cancelled or counts failures", async () => {
    const db = getDb();
    const cancelled = await requestUnderWay();
    await db.update(requests).set({ cancelRequestedAt: new Date() }).where(eq(requests.id, cancelled.request.id));
    await finishServer(db, { requestServerId: cancelled.ids[0]!, generation: 1 }, cancelled.request, "succeeded", "");
    expect((await partsOf(cancelled.request.id)).map((part) => part.status)).toEqual(["succeeded", "running", "cancelled", "cancelled", "cancelled"]);
    const counting = await requestUnderWay();
    const request = { ...counting.request, data: { max_parallel: 2, stop_after_failures: 1 } };
    await db.update(requests).set({ data: request.data }).where(eq(requests.id, request.id));
    await finishServer(db, { requestServerId: counting.ids[0]!, generation: 1 }, request, "failed", "The BMC's task failed.");
    await finishServer(db, { requestServerId: counting.ids[1]!, generation: 1 }, request, "succeeded", "");
    expect((await partsOf(request.id)).map((part) => part.status)).toEqual(["failed", "succeeded", "cancelled", "cancelled", "cancelled"]);
    expect(await jobsOf([...cancelled.ids, ...counting.ids])).toEqual([]);
  });
});
