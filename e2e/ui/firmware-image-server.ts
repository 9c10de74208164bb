import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type FirmwareImage = { url: string; sha256: string; size: number };

/** Serves one random image on loopback, as a vendor's download site would; the spec knows its SHA-256. */
export async function startImageServer(fileName: string, size = 96 * 1024): Promise<{ image: FirmwareImage; close: () => Promise<void> }> {
  const bytes = randomBytes(size);
  const server: Server = createServer((request, response) => {
    if (request.url !== `/images/${fileName}`) return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(bytes.length) }).end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    image: { url: `http://127.0.0.1:${port}/images/${fileName}`, sha256: createHash("sha256").update(bytes).digest("hex"), size },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
