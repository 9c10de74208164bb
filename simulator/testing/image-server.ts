import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ImageServer {
  url: (name: string) => string;
  add: (name: string, image: Buffer) => void;
  /** Paths requested so far, to prove the BMC really downloaded. */
  requests: string[];
  stop: () => Promise<void>;
}

/** A plain HTTP file server on a loopback address, standing in for a firmware repository. */
export async function serveImages(address: string): Promise<ImageServer> {
  const files = new Map<string, Buffer>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push(path);
    const file = files.get(path);
    if (!file) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": file.length }).end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://${address}:${port}/${name}`,
    add: (name, image) => files.set(`/${name}`, image),
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
