import { bootstrapDatabase } from "~/db/bootstrap";
import { onShutdownSignal } from "~/db/bootstrap/shutdown";
import { dataDir } from "~/server/config";
import { env, requireValidEnvironment } from "~/server/env";
import { sweepIncoming } from "~/server/services/firmware/storage";
import { startWorker } from "./runner";

requireValidEnvironment();

// `npm run worker`: a worker process of its own, for scaling out against one shared Postgres.
await sweepIncoming();
const database = await bootstrapDatabase({ dataDir: dataDir(), pgDir: env("RACKPILOT_PG_DIR"), verbose: env("RACKPILOT_PG_LOG"), log: console.log });
process.env.DATABASE_URL = database.url;
const runner = await startWorker(database.url);
console.log(`Rackpilot worker running against ${database.embedded ? "the embedded database" : "DATABASE_URL"}`);

onShutdownSignal(async () => {
  await runner.stop();
  await database.stop();
});
