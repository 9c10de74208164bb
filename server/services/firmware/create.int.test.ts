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
  delete process.env.RACKPILOT_FIRMWARE_DOWNLOAD_ALLOW;
  delete process.env.RACKPILOT_FIRMWARE_MAX_BYTES;
  delete process.env.RACKPILOT_FIRMWARE_DOWNLOAD_TIMEOUT;
  delete process.env.RACKPILOT_PUBLIC_URL;
});

const CANNOT_DOWNLOAD = { location: ["Could not download the file from this location."] };
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

  it("answers one text whatever stopped the download (closed port, non-2xx, stall), so it cannot map a network; the size limit is said", async () => {
    const port = await closedLoopbackPort();
    process.env.RACKPILOT_FIRMWARE_DOWNLOAD_TIMEOUT = "0.3";
    for (const location of [`http://127.0.0.1:${port}/bios.bin`, files.url("/images/nope.bin"), files.url("/stall")]) {
      const response = await create({ ...dellBios, location });
      expect([location, response.status, response.body]).toEqual([location, 400, CANNOT_DOWNLOAD]);
    }
    process.env.RACKPILOT_FIRMWARE_MAX_BYTES = "1000";
    const large = await create({ ...dellBios, location: files.url("/images/iDRAC_6.10.bin") });
    expect(large.status).toBe(400);
    expect(large.body).toEqual({ location: ["Could not download the file: it is larger than the limit of 1000 bytes."] });
    expect(incoming()).toEqual([]);
  });

  it("fetches only from allowed addresses, checked on the resolved address and on every redirect hop", async () => {
    const elsewhere = await startTestFileServer({ "/other.bin": bmc }, "127.0.0.3");
    try {
      process.env.RACKPILOT_FIRMWARE_DOWNLOAD_ALLOW = "127.0.0.2/32";
      const before = files.requests.length;
      for (const location of [files.url("/images/BIOS_R750_1.12.2.bin"), files.url("/images/BIOS_R750_1.12.2.bin").replace("127.0.0.1", "localhost")]) {
        expect((await create({ ...dellBios, location })).body).toEqual(CANNOT_DOWNLOAD);
      }
      expect(files.requests.length).toBe(before);

      // The first hop is allowed, the place it redirects to is not: nothing is fetched from it.
      process.env.RACKPILOT_FIRMWARE_DOWNLOAD_ALLOW = "127.0.0.1/32";
      const redirected = await create({ ...dellBios, location: files.url(`/redirect?to=${encodeURIComponent(elsewhere.url("/other.bin"))}`) });
      expect(redirected.body).toEqual(CANNOT_DOWNLOAD);
      expect(elsewhere.requests).toEqual([]);

      // Allowed by host name, whatever it resolves to; and a redirect within what is allowed is followed.
      process.env.RACKPILOT_FIRMWARE_DOWNLOAD_ALLOW = "127.0.0.1/32, localhost";
      const followed = await create({ ...dellBios, location: files.url(`/redirect?to=${encodeURIComponent(files.url("/images/iDRAC_6.10.bin").replace("127.0.0.1", "localhost"))}`) });
      expect(followed.status).toBe(201);
      expect(followed.body.checksum).toBe(sha256(bmc));
    } finally {
      await elsewhere.close();
    }
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
