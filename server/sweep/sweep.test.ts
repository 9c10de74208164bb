import { describe, expect, it } from "vitest";
import type { Connect, ConnectOutcome } from "./connect";
import { Limiter, sweepWidth } from "./limiter";
import { sweep, SweepAbortedError } from "./sweep";

const block = { firstAddress: 0x7f360100, addressCount: 4, ports: [443] };

describe("sweep", () => {
  it("tries a target again while the host is short of sockets, and never reports it closed for that", async () => {
    const answers: ConnectOutcome[] = ["retry", "retry", "open"];
    const calls: string[] = [];
    const connect: Connect = async (host) => (calls.push(host), host === "127.54.1.2" ? answers.shift()! : "closed");
    const open: string[] = [];
    const result = await sweep(block, { limiter: new Limiter(1), connectTimeoutMs: 10, connect, onOpen: (e) => open.push(e.host) });
    expect(open).toEqual(["127.54.1.2"]);
    expect(calls.filter((host) => host === "127.54.1.2")).toHaveLength(3);
    expect(result).toEqual({ addressesProbed: 4, openPorts: 1 });
  });

  it("stops every lane and fails when a connect throws, or when aborted", async () => {
    let calls = 0;
    const failing: Connect = async () => {
      calls++;
      throw new Error("boom");
    };
    await expect(sweep({ ...block, addressCount: 1000 }, { limiter: new Limiter(4), connectTimeoutMs: 10, connect: failing, onOpen: () => {} })).rejects.toThrow("boom");
    expect(calls).toBe(4);

    const aborted = AbortSignal.abort();
    await expect(sweep(block, { limiter: new Limiter(2), connectTimeoutMs: 10, connect: async () => "closed", onOpen: () => {}, signal: aborted })).rejects.toBeInstanceOf(SweepAbortedError);
  });
});

describe("Limiter and sweepWidth", () => {
  it("runs at most `size` at once, in order", async () => {
    const limiter = new Limiter(2);
    const log: string[] = [];
    const task = (name: string, ms: number) => limiter.run(async () => (log.push(`start ${name}`), await new Promise((r) => setTimeout(r, ms)), log.push(`end ${name}`)));
    await Promise.all([task("a", 30), task("b", 10), task("c", 10)]);
    expect(log).toEqual(["start a", "start b", "end b", "start c", "end c", "end a"]);
  });

  it("keeps the sweep within half the open-file limit", () => {
    expect(sweepWidth(2048, 20000)).toBe(2048);
    expect(sweepWidth(2048, 1024)).toBe(512);
    expect(sweepWidth(0, 1024)).toBe(1);
  });
});
