import http from "node:http";
import type { AddressInfo } from "node:net";

export type TestFileServer = { url: (path: string) => string; requests: string[]; close: () => Promise<void> };

/**
 * For tests only: serves fixed bytes per path on 127.0.0.1 (404 elsewhere) and records what was asked.
 * `/stall` sends its headers and a few bytes, then nothing more; `/redirect?to=<url>` answers 302 to it.
 */
export async function startTestFileServer(files: Record<string, Uint8Array>, host = "127.0.0.1"): Promise<TestFileServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? "");
    if (req.url?.startsWith("/redirect?to=")) {
      res.writeHead(302, { location: decodeURIComponent(req.url.slice("/redirect?to=".length)) }).end();
      return;
    }
    if (req.url === "/stall") {
      res.writeHead(200, { "content-length": 1000 }).write("firmware");
      return;
    }
    const body = files[req.url ?? ""];
    if (!body) {
      res.writeHead(404, "Not Found").end("missing");
      return;
    }
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": body.byteLength }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const base = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => `${base}${path}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A port on 127.0.0.1 that was free a moment ago and has nothing listening now. */
export async function closedLoopbackPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
