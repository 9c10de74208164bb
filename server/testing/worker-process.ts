import { spawn, type ChildProcess } from "node:child_process";

export type WorkerProcess = { child: ChildProcess; exited: Promise<number | null> };

/** `npm run worker` (workers/index.ts) in a child process against the test's database, resolved once it runs. */
export async function spawnWorker(env: Record<string, string | undefined>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "workers/index.ts"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk) => (output += chunk) && output.includes("worker running") && resolve());
    void exited.then((code) => reject(new Error(`the worker exited (${code}) before it started`)));
  });
  return { child, exited };
}

/** kill -9, and wait until the process is gone. */
export async function killHard(worker: WorkerProcess): Promise<void> {
  worker.child.kill("SIGKILL");
  await worker.exited;
}
