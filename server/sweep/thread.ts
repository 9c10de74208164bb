import { Worker } from "node:worker_threads";
import { SweepAbortedError, type Endpoint, type SweepBlock, type SweepResult } from "./sweep";

export type ThreadRequest = { kind: "sweep"; id: number; block: SweepBlock; connectTimeoutMs: number } | { kind: "abort"; id: number };
export type ThreadReport =
  | { kind: "open"; id: number; endpoint: Endpoint }
  | { kind: "probed"; id: number; count: number }
  | { kind: "done"; id: number; result: SweepResult }
  | { kind: "failed"; id: number; aborted: boolean; message: string };

export type ThreadSweepOptions = {
  connectTimeoutMs: number;
  onOpen: (endpoint: Endpoint) => void;
  /** Called with how many more addresses had every port tried (in batches, every 100 ms). */
  onAddressesDone?: (count: number) => void;
  signal?: AbortSignal;
};

type Pending = { options: ThreadSweepOptions; resolve: (result: SweepResult) => void; reject: (error: unknown) => void };

// A scan's chunks and a re-scan soon after reuse the thread; an idle one gives its memory (about 40 MB) back.
const IDLE_MS = 30_000;

/** Whether the thread is running now (for tests). */
export type SweepThreadState = "running" | "stopped";

/**
 * Runs sweeps on a worker thread of their own. A sweep's cost is system calls (a connect and a close
 * per target, about 60 µs each on loopback), and on the main thread it took the CPU the
 * identification of the open ports, the database and the HTTP API need: a scan's two halves now run
 * on two cores. One thread per process, started on first use (about 0.3 s, then reused) and ended
 * when idle, with one budget of `width` sockets shared by every sweep it runs.
 */
export class SweepThread {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly width: number,
    private readonly idleMs = IDLE_MS,
  ) {}

  get state(): SweepThreadState {
    return this.worker ? "running" : "stopped";
  }

  sweep(block: SweepBlock, options: ThreadSweepOptions): Promise<SweepResult> {
    if (options.signal?.aborted) return Promise.reject(new SweepAbortedError("the sweep was interrupted: its worker is stopping"));
    const id = this.nextId++;
    clearTimeout(this.idleTimer);
    const worker = this.start();
    return new Promise<SweepResult>((resolve, reject) => {
      const onAbort = () => worker.postMessage({ kind: "abort", id } satisfies ThreadRequest);
      options.signal?.addEventListener("abort", onAbort, { once: true });
      const settle = <T>(then: (value: T) => void) => (value: T) => {
        options.signal?.removeEventListener("abort", onAbort);
        this.pending.delete(id);
        if (!this.pending.size) this.idle(worker);
        then(value);
      };
      // The thread keeps the process alive while it sweeps, and only then.
      if (!this.pending.size) worker.ref();
      this.pending.set(id, { options, resolve: settle(resolve), reject: settle(reject) });
      // Only the block itself crosses over (a caller may pass a whole database row).
      const { firstAddress, addressCount, ports } = block;
      worker.postMessage({ kind: "sweep", id, block: { firstAddress, addressCount, ports }, connectTimeoutMs: options.connectTimeoutMs } satisfies ThreadRequest);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./thread-entry.mjs", import.meta.url), { workerData: { width: this.width } });
    worker.on("message", (report: ThreadReport) => this.receive(report));
    const lost = (error: unknown) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const sweep of [...this.pending.values()]) sweep.reject(error);
    };
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`the sweep thread exited (code ${code})`)));
    // Unreferenced after the listeners, since adding a "message" listener refs the worker's port again.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private idle(worker: Worker) {
    worker.unref();
    this.idleTimer = setTimeout(() => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      void worker.terminate();
    }, this.idleMs).unref();
  }

  private receive(report: ThreadReport) {
    const sweep = this.pending.get(report.id);
    if (!sweep) return;
    if (report.kind === "open") sweep.options.onOpen(report.endpoint);
    else if (report.kind === "probed") sweep.options.onAddressesDone?.(report.count);
    else if (report.kind === "done") sweep.resolve(report.result);
    else sweep.reject(report.aborted ? new SweepAbortedError(report.message) : new Error(report.message));
  }
}
