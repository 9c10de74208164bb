// How many password verifications (argon2) a burst of wrong passwords gets out of the production server,
// over REST (concurrent POST /api/token/) and through one tRPC batch of token.obtain calls.
// A 401 (or 200) means the password was verified; a 429, or a refused batch, means it was not.
// Usage: npx tsx bench/login-throttle.ts
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { httpRequest } from "~/server/testing/node-http";

const port = 3951;
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "rackpilot-bench-"));
chmodSync(dataDir, 0o755); // as root, Postgres runs as the `postgres` user, which must reach its data dir

const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", RACKPILOT_DATA_DIR: dataDir, RACKPILOT_ADMIN_PASSWORD: "bench-password" },
  stdio: ["ignore", "ignore", "inherit"],
});

async function ready(): Promise<boolean> {
  try {
    return (await fetch(`${base}/login`)).ok;
  } catch {
    return false;
  }
}

const deadline = Date.now() + 10 * 60_000;
while (!(await ready())) {
  if (Date.now() > deadline || server.exitCode !== null) throw new Error("server did not come up");
  await new Promise((resolve) => setTimeout(resolve, 250));
}

const wrong = JSON.stringify({ username: "admin", password: "not-the-password" });
const tally = (codes: Array<string | number>) => {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(String(code), (counts.get(String(code)) ?? 0) + 1);
  return [...counts].map(([code, n]) => `${n}x ${code}`).join(", ");
};
const verified = (codes: Array<string | number>) => codes.filter((code) => code === 401 || code === 200 || code === "UNAUTHORIZED").length;

async function restBurst(count: number, from: string) {
  const started = performance.now();
  const responses = await Promise.all(
    Array.from({ length: count }, () =>
      httpRequest(`${base}/api/token/`, { method: "POST", headers: { "content-type": "application/json" }, body: wrong, localAddress: from }),
    ),
  );
  const codes = responses.map((response) => response.status);
  const ms = performance.now() - started;
  console.log(`REST, ${count} concurrent wrong passwords from ${from}: ${verified(codes)} verified (${tally(codes)}) in ${(ms / 1000).toFixed(1)} s`);
}

type TrpcItem = { error?: { data?: { code?: string } } };

async function sendBatch(count: number, from: string) {
  const paths = Array.from({ length: count }, () => "token.obtain").join(",");
  const body = JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [i, JSON.parse(wrong)])));
  const response = await httpRequest(`${base}/api/trpc/${paths}?batch=1`, { method: "POST", headers: { "content-type": "application/json" }, body, localAddress: from });
  const parsed = JSON.parse(response.text) as TrpcItem | TrpcItem[];
  return { status: response.status, codes: (Array.isArray(parsed) ? parsed : [parsed]).map((item) => item.error?.data?.code ?? "OK") };
}

/** `batches` concurrent tRPC batches of `size` token.obtain calls each, from one address. */
async function trpcBatches(batches: number, size: number, from: string) {
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: batches }, () => sendBatch(size, from)));
  const ms = performance.now() - started;
  const codes = results.flatMap((result) => result.codes);
  const statuses = [...new Set(results.map((result) => result.status))].join("/");
  const what = batches === 1 ? `one batch of ${size}` : `${batches} concurrent batches of ${size}`;
  console.log(`tRPC, ${what} token.obtain from ${from}: HTTP ${statuses}, ${verified(codes)} verified (${tally(codes)}) in ${(ms / 1000).toFixed(1)} s`);
}

// Each scenario from its own loopback address: a fresh client as far as per-address limits go.
await restBurst(60, "127.0.0.11");
await restBurst(200, "127.0.0.12");
await trpcBatches(1, 100, "127.0.0.13");
await trpcBatches(1, 200, "127.0.0.14");
await trpcBatches(10, 20, "127.0.0.16");
const right = await httpRequest(`${base}/api/token/`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ username: "admin", password: "bench-password" }),
  localAddress: "127.0.0.15",
});
console.log(`the right password from another client (127.0.0.15) afterwards: HTTP ${right.status}`);
console.log(`measured: production server (scripts/start.ts, default limits), fresh data dir, on ${os.cpus().length} cores shared with other work`);

server.kill("SIGTERM");
await new Promise((resolve) => server.once("exit", resolve));
rmSync(dataDir, { recursive: true, force: true });
