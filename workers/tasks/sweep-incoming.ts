import type { Task } from "graphile-worker";
import { sweepIncoming } from "~/server/services/firmware/storage";

/** Hourly: removes partial firmware files a crashed upload or download left in incoming/. */
export const sweepIncomingTask: Task = async () => {
  await sweepIncoming();
};
