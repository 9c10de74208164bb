import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageUrlProblem } from "./step-binary";

let server: http.Server;
let base: string;
const asked: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    asked.push(req.url!);
    if (req.url!.startsWith("/missing")) return res.writeHead(404).end();
    if (req.url!.startsWith("/slow")) return void setTimeout(() => res.writeHead(200, { "content-length": "1234" }).end(), 300);
    res.writeHead(200, { "content-length": req.url!.startsWith("/short") ? "10" : "1234" }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("the image URL check before a send", () => {
  const signal = new AbortController().signal;

  it("asks a URL that served the right size once for a wave of servers, and a wrong answer every time", async () => {
    expect(await imageUrlProblem(`${base}/good.bin`, 1234, signal)).toBeNull();
    expect(await imageUrlProblem(`${base}/good.bin`, 1234, signal)).toBeNull();
    expect(asked.filter((url) => url === "/good.bin")).toHaveLength(1);
    // The same URL for a binary of another size is asked again, and refused.
    expect(await imageUrlProblem(`${base}/good.bin`, 99, signal)).toBe(`The image URL ${base}/good.bin answered 200 with 1234 bytes, expected 200 with 99.`);
    expect(asked.filter((url) => url === "/good.bin")).toHaveLength(2);

    for (let attempt = 0; attempt < 2; attempt++) {
      expect(await imageUrlProblem(`${base}/missing.bin`, 1234, signal)).toBe(`The image URL ${base}/missing.bin answered 404 with 0 bytes, expected 200 with 1234.`);
      expect(await imageUrlProblem(`${base}/short.bin`, 1234, signal)).toBe(`The image URL ${base}/short.bin answered 200 with 10 bytes, expected 200 with 1234.`);
    }
    expect(asked.filter((url) => url !== "/good.bin")).toEqual(["/missing.bin", "/short.bin", "/missing.bin", "/short.bin"]);
  });

  it("shares one HEAD among the servers that check a URL together, and a server whose job stops leaves it to the others", async () => {
    const stopping = new AbortController();
    const checks = Array.from({ length: 5 }, (_, index) => imageUrlProblem(`${base}/slow.bin`, 1234, index === 0 ? stopping.signal : signal));
    const stopped = expect(checks[0]).rejects.toThrow("worker stopping");
    stopping.abort(new Error("worker stopping"));
    await stopped;
    expect(await Promise.all(checks.slice(1))).toEqual([null, null, null, null]);
    expect(asked.filter((url) => url === "/slow.bin")).toHaveLength(1);
  });

  it("names the URL and the setting when nothing answers", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/gone.bin`;
    await new Promise((resolve) => closed.close(resolve));
    expect(await imageUrlProblem(url, 1234, signal)).toMatch(new RegExp(`^The image URL ${url} cannot be reached \\(.+\\): RACKPILOT_PUBLIC_URL must be reachable\\.$`));
  });
});
