import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";

/** Polls `url` until it answers (any status below 500), or fails when `child` exits or the deadline passes. */
export async function waitUntilServing(url: string, child: ChildProcess, timeoutMs = 10 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    if (Date.now() > deadline) throw new Error(`${url}: not serving after ${timeoutMs} ms`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Rackpilot's production server (`npm start`, building first if needed) from a checkout, on a port.
 * BENCH_SERVER_NODE_FLAGS adds node flags to the server alone, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`
 * (NODE_OPTIONS refuses --cpu-prof); the profile is written when the server stops.
 */
export function startRackpilot(port: number, env: Record<string, string>, checkout = process.cwd()): ChildProcess {
  const nodeFlags = process.env.BENCH_SERVER_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? [];
  return spawn(process.execPath, [...nodeFlags, "--import", "tsx", "scripts/start.ts"], {
    cwd: checkout,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
}

/** One request on a new connection (no keep-alive): milliseconds from sending to the last byte. */
export function timedGet(url: string, headers: Record<string, string>): Promise<{ ms: number; status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ ms: performance.now() - started, status: response.statusCode!, body: Buffer.concat(chunks).toString() }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
