import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "~/server/testing/api-server";
import { createTestUser } from "~/server/testing/factories";
import { closedLoopbackPort, startTestFileServer, type TestFileServer } from "./test-file-server";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const bios = randomBytes(64 * 1024);
const bmc = randomBytes(10_000);
const dellBios = { name: "Dell R750 BIOS", firmware_type: "bios", version: "1.12.2", manufacturer: "Dell", models: ["PowerEdge R750"] };

let api: TestApi;
let files: TestFileServer;
let staff: { id: number; token: string };
let user: { id: number; token: string };
let dataDir: string;

beforeAll(async () => {
  // Each test file gets its own data dir: stored files are shared by checksum, databases are not.
  dataDir = await mkdtemp(path.join(tmpdir(), "rackpilot-firmware-"));
  process.env.RACKPILOT_DATA_DIR = dataDir;
  api = await startTestApi();
  files = await startTestFileServer({ "/images/BIOS_R750_1.12.2.bin": bios, "/images/iDRAC_6.10.bin": bmc });
  staff = await createTestUser(api.db, { isStaff: true });
  user = await createTestUser(api.db);
});
afterAll(async () => {
  await files.close();
  await api.close();
  await rm(dataDir, { recursive: true, force: true });
});
afterEach(() => {
  delete process.env.RACKPILOT_FIRMWARE_MAX_BYTES;
  delete process.env.RACKPILOT_FIRMWARE_DOWNLOAD_TIMEOUT;
  delete process.env.RACKPILOT_PUBLIC_URL;
});

const stored = (checksum: string) => path.join(dataDir, "firmware", checksum);
const incoming = () => (existsSync(path.join(dataDir, "firmware", "incoming")) ? readdirSync(path.join(dataDir, "firmware", "incoming")) : []);
const create = (json: unknown, token = staff.token) => api.request("POST", "/api/firmware/", { token, json });
const count = async () => (await api.request("GET", "/api/firmware/", { token: staff.token })).body.length as number;

describe("POST /api/firmware/ with a location", () => {
  it("downloads the file once, computes its sha256 and size, and keeps a copy", async () => {
    const location = files.url("/images/BIOS_R750_1.12.2.bin");
    const before = files.requests.length;
    const response = await create({ ...dellBios, location, release_notes: "Fixes CVE-2025-0001." });
    expect(response.status).toBe(201);
    expect(Object.keys(response.body)).toEqual(["id", "name", "firmware_type", "type", "version", "manufacturer", "models", "location", "checksum", "size", "release_notes", "created_at"]);
    expect(response.body).toMatchObject({ ...dellBios, type: "bios", location, checksum: sha256(bios), size: bios.length, release_notes: "Fixes CVE-2025-0001." });
    expect(response.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(files.requests.slice(before)).toEqual(["/images/BIOS_R750_1.12.2.bin"]);
    expect(readFileSync(stored(sha256(bios))).equals(bios)).toBe(true);
    expect(incoming()).toEqual([]);
  });

  it("accepts a matching checksum in any case", async () => {
    const response = await create({ ...dellBios, location: files.url("/images/BIOS_R750_1.12.2.bin"), checksum: sha256(bios).toUpperCase() });
    expect(response.status).toBe(201);
    expect(response.body.checksum).toBe(sha256(bios));
  });

  it("refuses a checksum mismatch and stores nothing", async () => {
    const before = await count();
    const wrong = "0".repeat(64);
    const response = await create({ ...dellBios, firmware_type: "bmc", location: files.url("/images/iDRAC_6.10.bin"), checksum: wrong });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ checksum: [`Checksum mismatch: expected ${wrong}, the file's SHA-256 is ${sha256(bmc)}.`] });
    expect(await count()).toBe(before);
    expect(existsSync(stored(sha256(bmc)))).toBe(false);
    expect(incoming()).toEqual([]);
  });

  it("says why a location cannot be downloaded: closed port, non-2xx, too large", async () => {
    const port = await closedLoopbackPort();
    const refused = await create({ ...dellBios, location: `http://127.0.0.1:${port}/bios.bin` });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ location: ["Could not download the file: connection refused (ECONNREFUSED)."] });

    const missing = await create({ ...dellBios, location: files.url("/images/nope.bin") });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ location: ["Could not download the file: the server answered 404 Not Found."] });

    process.env.RACKPILOT_FIRMWARE_MAX_BYTES = "1000";
    const large = await create({ ...dellBios, location: files.url("/images/iDRAC_6.10.bin") });
    expect(large.status).toBe(400);
    expect(large.body).toEqual({ location: ["Could not download the file: the file is larger than the limit of 1000 bytes."] });

    process.env.RACKPILOT_FIRMWARE_DOWNLOAD_TIMEOUT = "0.3";
    const stalled = await create({ ...dellBios, location: files.url("/stall") });
    expect(stalled.status).toBe(400);
    expect(stalled.body).toEqual({ location: ["Could not download the file: no complete answer within 0.3 seconds."] });
    expect(incoming()).toEqual([]);
  });

  it("validates every field with DRF's messages", async () => {
    const empty = await create({});
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({
      name: ["This field is required."],
      firmware_type: ["This field is required."],
      version: ["This field is required."],
      manufacturer: ["This field is required."],
      location: ["This field is required."],
    });
    const wrong = await create({ ...dellBios, firmware_type: "BIOS", models: "PowerEdge R750", location: "ftp://127.0.0.1/x.bin", checksum: "abc" });
    expect(wrong.body).toEqual({
      firmware_type: ['"BIOS" is not a valid choice.'],
      models: ['Expected a list of items but got type "str".'],
      location: ["Enter a valid URL."],
      checksum: ["Enter a valid SHA-256 checksum (64 hexadecimal characters)."],
    });
  });

  it("is staff-only, and a refused request downloads nothing", async () => {
    const before = files.requests.length;
    const response = await create({ ...dellBios, location: files.url("/images/BIOS_R750_1.12.2.bin") }, user.token);
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ detail: "You do not have permission to perform this action." });
    expect(files.requests.length).toBe(before);
  });
});
