import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ipv4ToNumber } from "~/server/lib/ipv4";
import { SweepAbortedError, type Endpoint } from "./sweep";
import { SweepThread } from "./thread";

// 127.54.44.0/24: two listeners on one port, everything else closed.
const LISTENING = ["127.54.44.3", "127.54.44.200"];
let port = 0;
const servers: net.Server[] = [];

beforeAll(async () => {
  for (const host of LISTENING) {
    const server = net.createServer((socket) => socket.destroy());
    servers.push(server);
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, host, resolve));
    port = (server.address() as net.AddressInfo).port;
  }
});
afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

const block = (from: string, addressCount: number) => ({ firstAddress: ipv4ToNumber(from), addressCount, ports: [port] });

describe("SweepThread", () => {
  const thread = new SweepThread(32);

  it("sweeps on its thread: every open port reported, every address counted, sweeps at once sharing it", async () => {
    const open: Endpoint[] = [];
    const probed = [0, 0];
    const sweepHalf = (from: string, half: 0 | 1) =>
      thread.sweep(block(from, 128), { connectTimeoutMs: 1000, onOpen: (endpoint) => open.push(endpoint), onAddressesDone: (count) => (probed[half]! += count) });
    const results = await Promise.all([sweepHalf("127.54.44.0", 0), sweepHalf("127.54.44.128", 1)]);
    expect(results).toEqual([
      { addressesProbed: 128, openPorts: 1 },
      { addressesProbed: 128, openPorts: 1 },
    ]);
    expect(probed).toEqual([128, 128]);
    expect(open.map((endpoint) => endpoint.host).sort()).toEqual([...LISTENING].sort());
    expect(open.every((endpoint) => endpoint.port === port)).toBe(true);
  });

  it("stops a sweep when its signal aborts, and sweeps again afterwards", async () => {
    await expect(thread.sweep(block("127.54.44.0", 4), { connectTimeoutMs: 1000, onOpen: () => {}, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(SweepAbortedError);
    const controller = new AbortController();
    // 127.54.64.0-127.54.127.255: far more targets than it sweeps before the first progress report aborts it.
    const long = thread.sweep(block("127.54.64.0", 16_384), { connectTimeoutMs: 1000, onOpen: () => {}, onAddressesDone: () => controller.abort(), signal: controller.signal });
    await expect(long).rejects.toBeInstanceOf(SweepAbortedError);
    expect(await thread.sweep(block("127.54.44.0", 8), { connectTimeoutMs: 1000, onOpen: () => {} })).toEqual({ addressesProbed: 8, openPorts: 1 });
  });

  it("ends its thread once idle, and starts a new one for the next sweep", async () => {
    const brief = new SweepThread(8, 50);
    expect(brief.state).toBe("stopped");
    expect(await brief.sweep(block("127.54.44.0", 4), { connectTimeoutMs: 1000, onOpen: () => {} })).toEqual({ addressesProbed: 4, openPorts: 1 });
    expect(brief.state).toBe("running");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(brief.state).toBe("stopped");
    expect(await brief.sweep(block("127.54.44.200", 2), { connectTimeoutMs: 1000, onOpen: () => {} })).toEqual({ addressesProbed: 2, openPorts: 1 });
  });
});
