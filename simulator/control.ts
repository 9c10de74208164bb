import http from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import { z } from "zod";
import { bmcState } from "./bmc-state";
import { faultsSchema } from "./config";
import type { BmcHandle } from "./fleet";
import type { Faults } from "./types";

const MAX_BODY_BYTES = 64 * 1024;

export interface ControlServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: unknown;
}

const failure = (status: number, error: string): Answer => ({ status, body: { error } });

/**
 * Faults to set: the config file's keys; `null` clears one. Unknown keys and bad values are
 * refused as a whole, so a typo never half-applies.
 */
export function parseFaultsPatch(body: unknown): Faults | string {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "the body must be a JSON object of faults";
  const entries = Object.entries(body);
  const unknown = entries.find(([key]) => !(key in faultsSchema.shape));
  if (unknown) return `unknown fault "${unknown[0]}" (known: ${Object.keys(faultsSchema.shape).join(", ")})`;
  const parsed = faultsSchema.safeParse(Object.fromEntries(entries.filter(([, value]) => value !== null)));
  if (!parsed.success) return z.prettifyError(parsed.error);
  return { ...Object.fromEntries(entries.filter(([, value]) => value === null).map(([key]) => [key, undefined])), ...parsed.data };
}

/** What the fleet process is doing: its memory, and how late its event loop ran since the previous read. */
export interface FleetStats {
  bmcs: number;
  rss_bytes: number;
  heap_used_bytes: number;
  /** Event loop delay (perf_hooks.monitorEventLoopDelay, 10 ms resolution) since the previous `GET /stats`. */
  event_loop_delay_ms: { p50: number; p99: number; max: number };
  since: string;
}

function stats(bmcs: number, delay: IntervalHistogram, since: { at: Date }): FleetStats {
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  const { rss, heapUsed } = process.memoryUsage();
  const answer = {
    bmcs,
    rss_bytes: rss,
    heap_used_bytes: heapUsed,
    event_loop_delay_ms: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
    since: since.at.toISOString(),
  };
  delay.reset();
  since.at = new Date();
  return answer;
}

function route(bmcs: Map<string, BmcHandle>, method: string, path: string, body: unknown, monitor: () => FleetStats): Answer {
  const parts = path.split("/").filter(Boolean);
  if (path === "/stats") return method === "GET" ? { status: 200, body: monitor() } : failure(405, "use GET");
  if (parts[0] !== "bmcs" || parts.length > 3 || (parts.length === 3 && parts[2] !== "faults")) return failure(404, `no such resource: ${path}`);
  if (parts.length === 1) return method === "GET" ? { status: 200, body: [...bmcs.values()].map(bmcState) } : failure(405, "use GET");
  const bmc = bmcs.get(decodeURIComponent(parts[1]));
  if (!bmc) return failure(404, `no BMC at ${parts[1]}`);
  if (parts.length === 2) return method === "GET" ? { status: 200, body: bmcState(bmc) } : failure(405, "use GET");
  if (method === "DELETE") {
    bmc.clearFaults();
    return { status: 200, body: bmcState(bmc) };
  }
  if (method !== "POST") return failure(405, "use POST to set faults or DELETE to clear them");
  const faults = parseFaultsPatch(body);
  if (typeof faults === "string") return failure(400, faults);
  bmc.setFaults(faults);
  return { status: 200, body: bmcState(bmc) };
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      text += chunk;
      if (text.length > MAX_BODY_BYTES) reject(new Error(`the body is larger than ${MAX_BODY_BYTES} bytes`));
    });
    req.on("end", () => {
      try {
        resolve(text.trim() === "" ? undefined : JSON.parse(text));
      } catch {
        reject(new Error("the body is not valid JSON"));
      }
    });
    req.on("error", reject);
  });
}

/**
 * The control endpoint: plain HTTP on 127.0.0.1, JSON only, for scripts and people to see and steer
 * a running fleet without its library. `GET /bmcs`, `GET /bmcs/{address}`, `POST` and `DELETE
 * /bmcs/{address}/faults`, and `GET /stats` (memory, event loop delay) for benches.
 */
export async function startControl(bmcs: readonly BmcHandle[], port: number): Promise<ControlServer> {
  const byAddress = new Map(bmcs.map((bmc) => [bmc.address, bmc]));
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const since = { at: new Date() };
  const monitor = () => stats(bmcs.length, delay, since);
  const server = http.createServer((req, res) => {
    const reply = ({ status, body }: Answer) => {
      const payload = JSON.stringify(body);
      res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) }).end(payload);
    };
    readJson(req).then(
      (body) => reply(route(byAddress, req.method ?? "GET", new URL(req.url ?? "/", "http://control").pathname, body, monitor)),
      (error: Error) => reply(failure(400, error.message)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(new Error(`cannot listen on 127.0.0.1:${port} for the control endpoint (${error.code ?? error.message})`)));
    server.listen(port, "127.0.0.1", resolve);
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () => {
      delay.disable();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
