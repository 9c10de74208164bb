// A worker process for tests: runs `hold` jobs until it is killed, printing each job it takes.
// Run with DATABASE_URL set: node --import tsx workers/testing/job-holder.ts
import { startWorker } from "../runner";

await startWorker(process.env.DATABASE_URL!, {
  tasks: {
    hold: async (_payload, helpers) => {
      console.log(`holding ${helpers.job.id}`);
      await new Promise(() => {});
    },
  },
});
console.log("ready");
