import http from "node:http";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepIncoming } from "~/server/services/firmware/storage";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

let api: TestApi;
let token: string;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "rackpilot-bodies-"));
  process.env.RACKPILOT_DATA_DIR = dataDir;
  api = await startTestApi();
  token = (await createTestUser(api.db, { isStaff: true })).token;
});
afterAll(async () => {
  await api.close();
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * Sends a chunked body that never ends (1.5 MiB, then silence) and resolves with the first response:
 * a server that waits for the whole body before checking its size never answers.
 */
function endlessBody(urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${api.baseUrl}${urlPath}`, { method: "POST", headers: { "content-type": "application/json", ...headers } }, (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode!, text });
      });
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "ECONNRESET" && error.code !== "EPIPE") reject(error);
    });
    request.write(`{"username": "${"x".repeat(1536 * 1024)}`);
  });
}

describe("request bodies are read with a cap, everywhere", () => {
  it.each([
    ["the public token endpoint", "/api/token/", false],
    ["an authenticated REST endpoint", "/api/groups/", true],
  ])("%s answers 413 with a DRF body while the client is still sending", async (_what, urlPath, authenticated) => {
    const response = await endlessBody(urlPath, authenticated ? { authorization: `Bearer ${token}` } : {});
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toEqual({ detail: "Request body too large." });
  });

  it("the tRPC endpoint answers 413 too", async () => {
    const response = await endlessBody("/api/trpc/groups.create", { authorization: `Bearer ${token}` });
    expect(response.status).toBe(413);
  });

  it("a declared Content-Length over the limit is refused unread", async () => {
    const response = await api.request("POST", "/api/token/", { body: "{}", headers: { "content-type": "application/json", "content-length": String(2 * 1024 * 1024) } }).catch(() => null);
    // Either the 413 arrives or the server closed the connection it will not read: never a 2xx or a 500.
    if (response) expect(response.status).toBe(413);
  });

  it("a multipart upload's extra parts are drained only up to a limit", async () => {
    const data = new FormData();
    for (const [name, value] of Object.entries({ name: "padded", firmware_type: "bios", version: "1", manufacturer: "Dell" })) data.append(name, value);
    data.append("file", new Blob([randomBytes(1024)]), "image.bin");
    // Parts the server skips (a second file, file fields it has no use for) still count against the text limit.
    for (let i = 0; i < 3; i++) data.append(`attachment${i}`, new Blob([randomBytes(1024 * 1024)]), `extra${i}.bin`);
    const response = await fetch(`${api.baseUrl}/api/firmware/`, { method: "POST", body: data, headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ detail: "Request body too large." });
  });
});

describe("files a crash left in incoming/", () => {
  it("are swept at start, while files still being written are kept", async () => {
    const incoming = path.join(dataDir, "firmware", "incoming");
    await mkdir(incoming, { recursive: true });
    await writeFile(path.join(incoming, "left-by-a-crash"), "partial");
    const anHourAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(path.join(incoming, "left-by-a-crash"), anHourAgo, anHourAgo);
    await writeFile(path.join(incoming, "arriving-now"), "partial");
    await sweepIncoming();
    expect(await readdir(incoming)).toEqual(["arriving-now"]);
  });
});
