import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const fields = { name: "iDRAC 9", firmware_type: "bmc", version: "6.10.80.00", manufacturer: "Dell" };

let api: TestApi;
let staff: { token: string };
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "rackpilot-upload-"));
  process.env.RACKPILOT_DATA_DIR = dataDir;
  api = await startTestApi();
  staff = await createTestUser(api.db, { isStaff: true });
});
afterAll(async () => {
  await api.close();
  await rm(dataDir, { recursive: true, force: true });
});
afterEach(() => {
  delete process.env.RACKPILOT_PUBLIC_URL;
});

function form(values: Record<string, string | string[]>, file?: { bytes: Uint8Array; filename: string }) {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) for (const one of [value].flat()) data.append(name, one);
  if (file) data.append("file", new Blob([new Uint8Array(file.bytes)]), file.filename);
  return data;
}

async function upload(data: FormData, token: string | null = staff.token) {
  const response = await fetch(`${api.baseUrl}/api/firmware/`, { method: "POST", body: data, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, body: await response.json() };
}

const storedFiles = () => readdirSync(path.join(dataDir, "firmware")).filter((name) => name !== "incoming");
const incoming = () => (existsSync(path.join(dataDir, "firmware", "incoming")) ? readdirSync(path.join(dataDir, "firmware", "incoming")) : []);

describe("POST /api/firmware/ as multipart/form-data", () => {
  it("stores the file, and its location serves the same bytes without a token", async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const response = await upload(form({ ...fields, models: ["PowerEdge R750", "PowerEdge R650"] }, { bytes, filename: "iDRAC 6.10.80.00.exe" }));
    expect(response.status).toBe(201);
    const checksum = sha256(bytes);
    expect(response.body).toMatchObject({
      ...fields,
      type: "bmc",
      models: ["PowerEdge R750", "PowerEdge R650"],
      checksum,
      size: bytes.length,
      location: `${api.baseUrl}/api/firmware/files/${checksum}/iDRAC_6.10.80.00.exe`,
      release_notes: "",
    });
    const download = await fetch(response.body.location);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-length")).toBe(String(bytes.length));
    expect(download.headers.get("etag")).toBe(`"${checksum}"`);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    expect(incoming()).toEqual([]);

    const head = await fetch(response.body.location, { method: "HEAD" });
    expect([head.status, head.headers.get("content-length")]).toEqual([200, String(bytes.length)]);
    const range = await fetch(response.body.location, { headers: { range: "bytes=10-19" } });
    expect([range.status, range.headers.get("content-range")]).toEqual([206, `bytes 10-19/${bytes.length}`]);
    expect(Buffer.from(await range.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true);
    const past = await fetch(response.body.location, { headers: { range: `bytes=${bytes.length}-` } });
    expect([past.status, past.headers.get("content-range")]).toEqual([416, `bytes */${bytes.length}`]);
    const post = await fetch(response.body.location, { method: "POST" });
    expect(post.status).toBe(405);
  });

  it("reads models as a JSON array or a comma-separated list, and builds location from RACKPILOT_PUBLIC_URL", async () => {
    process.env.RACKPILOT_PUBLIC_URL = "https://rackpilot.example.test:8443/";
    const bytes = randomBytes(100);
    const asJson = await upload(form({ ...fields, models: '["R750", "R650"]' }, { bytes, filename: "a.bin" }));
    expect(asJson.body.models).toEqual(["R750", "R650"]);
    expect(asJson.body.location).toBe(`https://rackpilot.example.test:8443/api/firmware/files/${sha256(bytes)}/a.bin`);
    const asList = await upload(form({ ...fields, models: "R750, R650" }, { bytes, filename: "a.bin" }));
    expect(asList.body.models).toEqual(["R750", "R650"]);
  });

  it("refuses a bad form and keeps nothing of the file", async () => {
    const before = storedFiles();
    const bytes = randomBytes(2048);
    const noFile = await upload(form(fields));
    expect([noFile.status, noFile.body]).toEqual([400, { file: ["No file was submitted."] }]);
    const badType = await upload(form({ ...fields, firmware_type: "toaster" }, { bytes, filename: "x.bin" }));
    expect([badType.status, badType.body]).toEqual([400, { firmware_type: ['"toaster" is not a valid choice.'] }]);
    const mismatch = await upload(form({ ...fields, checksum: "f".repeat(64) }, { bytes, filename: "x.bin" }));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toEqual({ checksum: [`Checksum mismatch: expected ${"f".repeat(64)}, the file's SHA-256 is ${sha256(bytes)}.`] });
    expect(storedFiles()).toEqual(before);
    expect(incoming()).toEqual([]);
  });

  it("answers 401 without a token and 403 for a non-staff user", async () => {
    const data = form(fields, { bytes: randomBytes(10), filename: "x.bin" });
    expect(await upload(data, null)).toEqual({ status: 401, body: { detail: "Authentication credentials were not provided." } });
    const user = await createTestUser(api.db);
    expect(await upload(data, user.token)).toEqual({ status: 403, body: { detail: "You do not have permission to perform this action." } });
  });

  it("serves no file it does not hold", async () => {
    const unknown = await fetch(`${api.baseUrl}/api/firmware/files/${"a".repeat(64)}/x.bin`);
    expect([unknown.status, await unknown.json()]).toEqual([404, { detail: "Not found." }]);
    const traversal = await fetch(`${api.baseUrl}/api/firmware/files/..%2Fsecret/x.bin`);
    expect(traversal.status).toBe(404);
  });

  it("removes the stored file with the last binary that has its content", async () => {
    const bytes = randomBytes(500);
    const first = await upload(form(fields, { bytes, filename: "one.bin" }));
    const second = await upload(form({ ...fields, name: "same bytes" }, { bytes, filename: "two.bin" }));
    const file = path.join(dataDir, "firmware", sha256(bytes));
    expect((await api.request("DELETE", `/api/firmware/${first.body.id}/`, { token: staff.token })).status).toBe(204);
    expect(existsSync(file)).toBe(true);
    expect((await fetch(second.body.location)).status).toBe(200);
    expect((await api.request("DELETE", `/api/firmware/${second.body.id}/`, { token: staff.token })).status).toBe(204);
    expect(existsSync(file)).toBe(false);
    expect((await fetch(second.body.location)).status).toBe(404);
  });
});
