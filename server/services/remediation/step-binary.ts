import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { type Database, oncePerDatabase } from "~/db/client";
import { firmwareBinaries } from "~/db/schema";
import { dataDir } from "~/server/config";
import { clearDellJobQueue, type AcceptedUpdate } from "~/server/redfish";
import { firmwareSettings } from "../firmware/settings";
import { firmwareFileUrl } from "../firmware/public-url";
import { safeFileName } from "../firmware/storage";
import { done, fail, wait, type StepOutcome, type StepRun } from "./step-types";

export type CheckedImage = { url: string; file: string; name: string };

/** `start()`'s promise, shared by every caller that asks for `key` while it runs: a wave of servers checks one binary. */
function sharedWhileRunning<T>(running: Map<string, Promise<T>>, key: string, start: () => Promise<T>): Promise<T> {
  let promise = running.get(key);
  if (!promise) {
    promise = start().finally(() => running.delete(key));
    running.set(key, promise);
  }
  return promise;
}

// Checksums already verified in this process, by file and its size and mtime, and the ones being computed.
const verified = new Map<string, string>();
const hashing = new Map<string, Promise<string>>();

async function sha256Of(file: string): Promise<string> {
  const info = await stat(file);
  const key = `${file}:${info.size}:${info.mtimeMs}`;
  return verified.get(key) ?? sharedWhileRunning(hashing, key, async () => {
    const hash = createHash("sha256");
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    const digest = hash.digest("hex");
    verified.set(key, digest);
    return digest;
  });
}

// The image URLs seen serving the right size in this process, and when, and the checks under way.
const served = new Map<string, number>();
const SERVED_CHECK_TTL_MS = 30_000;
const asking = new Map<string, Promise<string | null>>();

/**
 * Null when `url` answers a HEAD with 200 and `size` bytes (asked again once the last good answer is
 * SERVED_CHECK_TTL_MS old), else what is wrong with it. Rejects with the signal's reason when it aborts.
 */
export async function imageUrlProblem(url: string, size: number, signal: AbortSignal): Promise<string | null> {
  const key = `${size} ${url}`;
  if (Date.now() - (served.get(key) ?? Number.NEGATIVE_INFINITY) < SERVED_CHECK_TTL_MS) return null;
  return untilAborted(sharedWhileRunning(asking, key, () => askImageUrl(url, size, key)), signal);
}

async function askImageUrl(url: string, size: number, key: string): Promise<string | null> {
  const answer = await fetch(url, { method: "HEAD", signal: AbortSignal.timeout(15_000) }).catch((error: unknown) => error as Error);
  if (answer instanceof Error) return `The image URL ${url} cannot be reached (${answer.message}): RACKPILOT_PUBLIC_URL must be reachable.`;
  const length = Number(answer.headers.get("content-length"));
  if (!answer.ok || length !== size) return `The image URL ${url} answered ${answer.status} with ${length} bytes, expected 200 with ${size}.`;
  served.set(key, Date.now());
  return null;
}

/** `promise`, or the signal's reason once it aborts: a job that stops leaves a shared check to the others. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  let onAbort!: () => void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
  });
  signal.addEventListener("abort", onAbort, { once: true });
  return Promise.race([promise, aborted]).finally(() => signal.removeEventListener("abort", onAbort));
}

/** The file name the BMC sees: the catalog location's last segment (iLO 5 decides by extension), else the binary's name. */
function imageNameOf(location: string, name: string): string {
  const segment = decodeURIComponent(location.split(/[?#]/)[0]!.split("/").pop() ?? "");
  return safeFileName(segment.includes(".") ? segment : `${name}.bin`);
}

// Each component's check reads its binary's row (three per server), and the inventory reference a name-matched one
// (`inventory-ref.ts`): built and prepared once per database handle.
export const binaryOf = oncePerDatabase((db: Database) => db.select().from(firmwareBinaries).where(eq(firmwareBinaries.id, sql.placeholder("id"))).prepare("remediation_binary"));

/**
 * Checks the binary before anything is sent: Rackpilot's stored copy exists and its checksum matches
 * the catalog's, and the URL the BMC will pull from answers with the right size.
 */
export async function checkBinary(run: StepRun): Promise<StepOutcome> {
  const { plan } = run.component();
  const [binary] = await binaryOf(run.db).execute({ id: plan.firmware_id });
  if (!binary) return fail(`Firmware binary ${plan.firmware_id} (${plan.name}) was deleted from the catalog.`);
  if (!binary.storedPath) return fail(`Firmware binary "${binary.name}" has no stored copy yet: it cannot be sent to a BMC.`);
  const file = path.join(dataDir(), binary.storedPath);
  const actual = await sha256Of(file).catch(() => null);
  if (actual === null) return fail(`The stored copy of "${binary.name}" is missing (${binary.storedPath}).`);
  if (actual !== binary.checksum) return fail(`The stored copy of "${binary.name}" does not match its checksum (sha256 ${actual}, expected ${binary.checksum}).`);
  const base = firmwareSettings.publicUrl;
  if (!base) return fail("RACKPILOT_PUBLIC_URL is not set: BMCs need a URL to pull firmware from.");
  const name = imageNameOf(binary.location, binary.name);
  const url = firmwareFileUrl(base, binary.checksum, name);
  const problem = await imageUrlProblem(url, binary.size, run.signal);
  if (problem) return fail(problem);
  const image: CheckedImage = { url, file, name };
  return done(`sha256 matches; ${url} serves it.`, { image });
}

/** The Dell jobs this server's earlier updates created (a staged BIOS stays `Scheduled` until the shared restart). */
function ownJobs(run: StepRun): Set<string> {
  const sends = run.steps.filter((step) => step.name === "send_update" && step.position < run.step.position);
  return new Set(sends.map((step) => (step.state as { accepted?: AcceptedUpdate }).accepted?.tracker.dellJob?.id).filter((id): id is string => !!id));
}

/** Dell's pre-step: delete finished jobs from the iDRAC job queue, and wait while someone else's jobs are active. */
export async function clearJobQueue(run: StepRun): Promise<StepOutcome> {
  const since = (run.step.state.since as number | undefined) ?? Date.now();
  const { deleted, active: all, listed } = await clearDellJobQueue(await run.client(), run.server.managerPath);
  run.fresh.dellJobs = listed;
  const own = ownJobs(run);
  const active = all.filter((job) => !own.has(job.id));
  if (!active.length) return done(`Job queue clear (${deleted.length} finished job(s) deleted${all.length ? `; ours still staged: ${all.map((job) => job.id).join(", ")}` : ""}).`);
  const jobs = active.map((job) => `${job.id} ${job.state}`).join(", ");
  if (Date.now() - since > run.timeouts.taskMs) return fail(`The iDRAC job queue still has active jobs after ${run.timeouts.taskMs / 1000} s: ${jobs}.`);
  return wait(run.timeouts.pollIntervalMs, `Waiting for active iDRAC jobs: ${jobs}.`, { since });
}
