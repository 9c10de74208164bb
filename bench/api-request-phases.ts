// Where the time of one REST request goes inside Rackpilot, without HTTP or Next.js: the handler for
// GET /api/pool/?search=prod&ordering=name&page=1&page_size=2 (7 pools) called in-process, next to
// each of its phases called alone the same number of times. A fresh embedded PostgreSQL in a temp dir.
// Usage: npx tsx bench/api-request-phases.ts [--requests 3000]
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { bootstrapDatabase } from "~/db/bootstrap";
import { closeDb, getDb } from "~/db/client";
import { pools } from "~/db/schema";
import { verifyToken } from "~/server/auth/tokens";
import { createBearerContext } from "~/server/api/context";
import { handleApiRequest } from "~/server/api/rest/handler";
import { matchRoute } from "~/server/api/rest/routes";
import { createCaller } from "~/server/api/root";
import { authenticateBearer } from "~/server/services/auth/actor";
import { listPools } from "~/server/services/pools";
import { createTestUser } from "~/server/testing/factories";
import { option } from "./lib/options";
import { percentile } from "./lib/servers";

const REQUESTS = Number(option("--requests")) || 3000;
const QUERY = { search: "prod", ordering: "name", page: "1", page_size: "2" };
const URL_ = `http://127.0.0.1/api/pool/?${new URLSearchParams(QUERY)}`;

const dataDir = mkdtempSync(path.join(os.tmpdir(), "rackpilot-bench-"));
chmodSync(dataDir, 0o755); // as root, Postgres runs as the `postgres` user, which must reach its data dir
process.env.RACKPILOT_SECRET ??= "bench-only-secret-0123456789abcdef";
const database = await bootstrapDatabase({ dataDir, log: () => {} });
process.env.DATABASE_URL = database.url;

try {
  const db = getDb();
  const admin = await createTestUser(db, { username: "admin", isStaff: true });
  await db.insert(pools).values(["prod-web", "prod-db", "prod-batch", "staging", "lab", "dev", "dr-site"].map((name) => ({ name, description: `${name} servers`, groupId: 1 })));
  const header = `Bearer ${admin.token}`;
  const request = () => new Request(URL_, { headers: { authorization: header, host: "127.0.0.1" } });
  const context = await createBearerContext(request());
  const actor = context.actor!;

  const phases: Array<[string, () => Promise<unknown>]> = [
    ["whole handler (handleApiRequest)", async () => (await handleApiRequest(request())).text()],
    ["token check (verifyToken)", () => verifyToken(admin.token, "access")],
    ["token check + actor lookup (authenticateBearer)", () => authenticateBearer(db, header)],
    ["context (createBearerContext)", () => createBearerContext(request())],
    ["routing (matchRoute)", async () => matchRoute("GET", "/pool/")],
    ["procedure via createCaller (input/output validation + service)", () => createCaller(context).pools.list(QUERY)],
    ["service alone (listPools: list query + DTO reads)", () => listPools({ ctx: { actor, db, requestUrl: URL_ }, input: QUERY })],
  ];
  for (const [, run] of phases) for (let i = 0; i < 300; i++) await run(); // warm-up
  console.log(`${REQUESTS} calls each, sequential, in one process (median / p90, microseconds):`);
  for (const [name, run] of phases) {
    const timings: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      await run();
      timings.push((performance.now() - started) * 1000);
    }
    timings.sort((a, b) => a - b);
    console.log(`  ${name.padEnd(66)} ${percentile(timings, 50).toFixed(0).padStart(6)} / ${percentile(timings, 90).toFixed(0).padStart(6)}`);
  }
  console.log(`measured: performance.now() around each awaited call, embedded PostgreSQL on 127.0.0.1, ${os.cpus().length} cores (shared)`);
} finally {
  await closeDb();
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
