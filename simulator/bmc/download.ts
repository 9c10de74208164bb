import http from "node:http";
import https from "node:https";
import { isLoopbackHost } from "../address";

const MAX_IMAGE_BYTES = 256 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 30_000;

/**
 * The URL a SimpleUpdate/InstallFromURI asks for, or why it is refused. Only loopback hosts are
 * allowed: the simulator must never send traffic off the machine.
 */
export function resolveImageUri(imageUri: string, transferProtocol?: string): URL | string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(imageUri)
    ? imageUri
    : `${(transferProtocol ?? "http").toLowerCase()}://${imageUri}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return `ImageURI '${imageUri}' is not a valid URI.`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `Transfer protocol ${url.protocol.replace(":", "").toUpperCase()} is not supported; use HTTP or HTTPS.`;
  }
  if (transferProtocol && `${transferProtocol.toLowerCase()}:` !== url.protocol) {
    return `TransferProtocol ${transferProtocol} does not match ImageURI '${imageUri}'.`;
  }
  if (!isLoopbackHost(url.hostname)) {
    return `ImageURI host '${url.hostname}' is not a loopback address; this simulated BMC only downloads from 127.0.0.0/8 or localhost.`;
  }
  return url;
}

/** A real HTTP(S) GET of the image; any non-200 answer or network error rejects. */
export function download(url: URL): Promise<Buffer> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, { agent: false, rejectUnauthorized: false, timeout: DOWNLOAD_TIMEOUT_MS }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`the image server answered HTTP ${response.statusCode} for ${url.href}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_IMAGE_BYTES) request.destroy(new Error(`the image is larger than ${MAX_IMAGE_BYTES} bytes`));
        else chunks.push(chunk);
      });
      response.on("end", () => resolve(Buffer.concat(chunks)));
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error(`no answer from the image server within ${DOWNLOAD_TIMEOUT_MS} ms`)));
    request.on("error", reject);
  });
}
