import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { bootstrapDatabase, type DatabaseHandle } from "./index";

// Each case starts its own cluster in a temporary data dir (the shared test cluster stays untouched).
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function tempDataDir(parentMode = 0o755): Promise<string> {
  const parent = await mkdtemp(path.join(os.tmpdir(), "rackpilot-pg-test-"));
  await chmod(parent, parentMode);
  cleanups.push(() => rm(parent, { recursive: true, force: true }));
  return path.join(parent, "data");
}

async function start(dataDir: string): Promise<DatabaseHandle> {
  const lines: string[] = [];
  const handle = await bootstrapDatabase({ dataDir, log: (line) => lines.push(line) });
  cleanups.push(async () => {
    await handle.stop();
    if (handle.clusterDir && !handle.clusterDir.startsWith(path.dirname(dataDir))) await rm(handle.clusterDir, { recursive: true, force: true });
  });
  return Object.assign(handle, { lines });
}

const query = async (url: string, text: string) => {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    return await sql.unsafe(text);
  } finally {
    await sql.end();
  }
};

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("the embedded PostgreSQL is private", () => {
  it("keeps generated passwords in a 0600 file, the app connects as a role that is not a superuser, the old fixed password is gone", async () => {
    const dataDir = await tempDataDir();
    const database = await start(dataDir);
    const credentials = path.join(database.clusterDir!, "rackpilot-credentials.json");
    expect(statSync(credentials).mode & 0o777).toBe(0o600);
    const [role] = await query(database.url, "select current_user as name, rolsuper as superuser from pg_roles where rolname = current_user");
    expect(role).toEqual({ name: "rackpilot", superuser: false });
    await expect(query(database.url, "copy (select 1) to program 'true'")).rejects.toThrow(/permission denied|must be superuser|pg_execute_server_program/);
    const port = new URL(database.url).port;
    await expect(query(`postgres://postgres:rackpilot-embedded@127.0.0.1:${port}/postgres`, "select 1")).rejects.toThrow(/password authentication failed/);
    expect(readFileSync(credentials, "utf8")).not.toContain("rackpilot-embedded");
  });

  it("after the owning process is killed with -9, the next start stops the orphaned cluster and runs its own", async () => {
    const dataDir = await tempDataDir();
    const child = spawn(process.execPath, ["--import", "tsx", "-e", `
      const { bootstrapDatabase } = await import("./db/bootstrap/index.ts");
      const database = await bootstrapDatabase({ dataDir: ${JSON.stringify(dataDir)}, log: () => {} });
      console.log("READY " + database.url);
      setInterval(() => {}, 1000);
    `], { stdio: ["ignore", "pipe", "inherit"] });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        const match = /READY (\S+)/.exec(chunk.toString());
        if (match) resolve(match[1]!);
      });
      child.once("exit", () => reject(new Error("the first process exited early")));
    });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const pgDir = path.join(dataDir, "pg");
    const orphan = Number(readFileSync(path.join(pgDir, "postmaster.pid"), "utf8").split("\n")[0]);
    expect(alive(orphan)).toBe(true);
    expect((await query(url, "select 1 as one"))[0]).toEqual({ one: 1 });

    const database = await start(dataDir);
    expect(alive(orphan)).toBe(false);
    expect((await query(database.url, "select 1 as one"))[0]).toEqual({ one: 1 });
    await database.stop();
    expect(existsSync(path.join(pgDir, "postmaster.pid"))).toBe(false);
  });
});

describe("starting as root with the data dir under a private parent", () => {
  it.runIf(process.getuid?.() === 0)("works, keeping the cluster where the postgres user can reach it, and says where", async () => {
    const privateParent = await mkdtemp(path.join(os.tmpdir(), "rackpilot-private-"));
    await chmod(privateParent, 0o700);
    cleanups.push(() => rm(privateParent, { recursive: true, force: true }));
    const dataDir = path.join(privateParent, "checkout", ".rackpilot");
    await mkdir(dataDir, { recursive: true });
    const database = await start(dataDir) as DatabaseHandle & { lines: string[] };
    expect(database.clusterDir!.startsWith(privateParent)).toBe(false);
    expect(database.lines.join("\n")).toContain(database.clusterDir!);
    expect((await query(database.url, "select 1 as one"))[0]).toEqual({ one: 1 });
  });
});
