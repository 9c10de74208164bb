// The thread side of server/sweep/thread.ts: runs the sweeps the main thread hands over, all
// sharing one socket budget, and reports open ports at once and probed addresses in batches.
import { parentPort, workerData } from "node:worker_threads";
import { Limiter } from "./limiter";
import { sweep, SweepAbortedError } from "./sweep";
import type { ThreadReport, ThreadRequest } from "./thread";

const port = parentPort!;
const limiter = new Limiter((workerData as { width: number }).width);
const running = new Map<number, AbortController>();
// A message per address would cost the main thread more than the connect itself did.
const PROGRESS_INTERVAL_MS = 100;

const report = (message: ThreadReport) => port.postMessage(message);

async function run({ id, block, connectTimeoutMs }: Extract<ThreadRequest, { kind: "sweep" }>) {
  const controller = new AbortController();
  running.set(id, controller);
  let probed = 0;
  const flush = () => {
    if (probed) report({ kind: "probed", id, count: probed });
    probed = 0;
  };
  const timer = setInterval(flush, PROGRESS_INTERVAL_MS);
  try {
    const result = await sweep(block, {
      limiter,
      connectTimeoutMs,
      signal: controller.signal,
      onOpen: (endpoint) => report({ kind: "open", id, endpoint }),
      onAddressDone: () => probed++,
    });
    flush();
    report({ kind: "done", id, result });
  } catch (error) {
    flush();
    report({ kind: "failed", id, aborted: error instanceof SweepAbortedError, message: error instanceof Error ? error.message : String(error) });
  } finally {
    clearInterval(timer);
    running.delete(id);
  }
}

port.on("message", (request: ThreadRequest) => {
  if (request.kind === "abort") running.get(request.id)?.abort();
  else void run(request);
});
