import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "~/db/client";
import { useFreshDatabase } from "~/db/testing/database";
import { enqueueJob } from "~/server/services/jobs";
import { startWorker } from "./runner";

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
beforeAll(async () => {
  database = await useFreshDatabase();
});
afterAll(() => database.drop());

it("runs jobs committed with their transaction and never those rolled back", async () => {
  const seen: unknown[] = [];
  let resolveSeen: () => void;
  const ran = new Promise<void>((resolve) => (resolveSeen = resolve));
  const runner = await startWorker(database.url, {
    tasks: {
      record: async (payload) => {
        seen.push(payload);
        resolveSeen();
      },
    },
  });
  try {
    await getDb()
      .transaction(async (tx) => {
        await enqueueJob(tx, "record", { id: "rolled-back" });
        throw new Error("abort");
      })
      .catch(() => undefined);
    await getDb().transaction((tx) => enqueueJob(tx, "record", { id: "committed" }, { maxAttempts: 1 }));
    await ran;
    // Give a wrongly-enqueued rolled-back job the chance to run too.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(seen).toEqual([{ id: "committed" }]);
  } finally {
    await runner.stop();
  }
});
