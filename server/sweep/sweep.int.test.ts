import { spawn } from "node:child_process";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ipv4ToNumber } from "~/server/lib/ipv4";
import { fastConnect, netConnect, type Connect } from "./connect";
import { Limiter } from "./limiter";
import { sweep, type Endpoint } from "./sweep";

// 127.54.1.0/24 holds a few listeners on one port; 127.54.2.1 is a black hole (a full accept queue).
const LISTENING = ["127.54.1.1", "127.54.1.7", "127.54.1.200", "127.54.1.255"];
let port: number;
let otherPort: number;
const servers: net.Server[] = [];

async function listen(host: string, wanted: number): Promise<number> {
  const server = net.createServer((socket) => socket.destroy());
  servers.push(server);
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(wanted, host, resolve));
  return (server.address() as net.AddressInfo).port;
}

beforeAll(async () => {
  port = await listen(LISTENING[0]!, 0);
  for (const host of LISTENING.slice(1)) await listen(host, port);
  otherPort = await listen("127.54.1.7", 0);
});
afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

const sorted = (endpoints: Endpoint[]) => endpoints.map((e) => `${e.host}:${e.port}`).sort();

describe.each([
  ["tcp_wrap", fastConnect.connect],
  ["net", netConnect],
] as Array<[string, Connect]>)("sweep with the %s connector", (_kind, connect) => {
  it("finds exactly the listening address × port pairs of a /24 and counts every address", async () => {
    const open: Endpoint[] = [];
    let done = 0;
    const result = await sweep(
      { firstAddress: ipv4ToNumber("127.54.1.0"), addressCount: 256, ports: [port, otherPort] },
      { limiter: new Limiter(64), connectTimeoutMs: 1000, connect, onOpen: (endpoint) => open.push(endpoint), onAddressDone: () => done++ },
    );
    expect(sorted(open)).toEqual(sorted([...LISTENING.map((host) => ({ host, port })), { host: "127.54.1.7", port: otherPort }]));
    expect(result).toEqual({ addressesProbed: 256, openPorts: 5 });
    expect(done).toBe(256);
  });
});

it("bounds each connect by the timeout: an address that never answers counts as closed", async () => {
  // Debian's python: a listener with a backlog of 0 that never accepts, so once one connection
  // waits in its queue the kernel drops every further SYN, like a filtered port.
  const python = spawn("/usr/bin/python3", ["-c", "import socket,time\ns=socket.socket(); s.bind(('127.54.2.1',0)); s.listen(0); print(s.getsockname()[1], flush=True); time.sleep(60)"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const hole = Number(await new Promise<string>((resolve) => python.stdout.once("data", (data) => resolve(String(data)))));
    expect(await fastConnect.connect("127.54.2.1", hole, 1000)).toBe("open");
    for (const connect of [fastConnect.connect, netConnect]) {
      const started = Date.now();
      const open: Endpoint[] = [];
      await sweep({ firstAddress: ipv4ToNumber("127.54.2.1"), addressCount: 1, ports: [hole] }, { limiter: new Limiter(4), connectTimeoutMs: 300, connect, onOpen: (e) => open.push(e) });
      expect(open).toEqual([]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(Date.now() - started).toBeLessThan(3000);
    }
  } finally {
    python.kill();
  }
});

it("never holds more sockets than the limiter allows, across sweeps sharing it", async () => {
  let inFlight = 0;
  let peak = 0;
  const counting: Connect = async (host, target, timeoutMs) => {
    peak = Math.max(peak, ++inFlight);
    try {
      return await fastConnect.connect(host, target, timeoutMs);
    } finally {
      inFlight--;
    }
  };
  const limiter = new Limiter(8);
  const block = (from: string) => ({ firstAddress: ipv4ToNumber(from), addressCount: 128, ports: [port] });
  const found: Endpoint[] = [];
  const options = { limiter, connectTimeoutMs: 1000, connect: counting, onOpen: (e: Endpoint) => found.push(e) };
  await Promise.all([sweep(block("127.54.1.0"), options), sweep(block("127.54.1.128"), options)]);
  expect(peak).toBe(8);
  expect(found).toHaveLength(LISTENING.length);
});
