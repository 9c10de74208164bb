// How long `npm start` takes from nothing to serving: fresh data dir (embedded Postgres initdb, migrations,
// admin) and, with --rebuild, no production build either (a fresh clone's first start).
// Usage: npx tsx bench/cold-start.ts [--rebuild]
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const rebuild = process.argv.includes("--rebuild");
const port = 3950;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "rackpilot-bench-"));
chmodSync(dataDir, 0o755); // as root, Postgres runs as the `postgres` user, which must reach its data dir
if (rebuild) rmSync(".next", { recursive: true, force: true });

const started = performance.now();
const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", RACKPILOT_DATA_DIR: dataDir, RACKPILOT_ADMIN_PASSWORD: "bench-password" },
  stdio: ["ignore", "ignore", "inherit"],
});

async function ready(): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/login`)).ok;
  } catch {
    return false;
  }
}

const deadline = started + 10 * 60_000;
while (!(await ready())) {
  if (performance.now() > deadline || server.exitCode !== null) throw new Error("server did not come up");
  await new Promise((resolve) => setTimeout(resolve, 250));
}
const seconds = (performance.now() - started) / 1000;
const token = await fetch(`http://127.0.0.1:${port}/api/token/`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ username: "admin", password: "bench-password" }),
});
console.log(`npm start, ${rebuild ? "no build yet (fresh clone)" : "existing build"}, fresh data dir: serving after ${seconds.toFixed(1)} s (first /api/token/: ${token.status})`);
console.log(`measured: wall time from spawning scripts/start.ts until GET /login answers 200, on ${os.cpus().length} cores`);
server.kill("SIGTERM");
await new Promise((resolve) => server.once("exit", resolve));
rmSync(dataDir, { recursive: true, force: true });
