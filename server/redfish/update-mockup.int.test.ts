/**
 * Update paths against the DMTF public-rackmount1 mockup (SimpleUpdate through its ActionInfo, a raw
 * HttpPushUri with a global apply time), with answers overridden per test to reproduce what real
 * BMCs do: monitors, 200 without a task, tracking moved to a job, a licence refusal.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RedfishClient } from "./client";
import { pollUpdate } from "./tasks";
import { clientOptionsForMockup } from "./testing/mockup-client";
import { startMockupServer, type MockReply, type MockRequest, type MockupServer } from "./testing/mockup-server";
import { prepareUpdate, sendUpdate, startUpdate } from "./update";
import type { UpdateRequest } from "./update/types";

const SYSTEM = "/redfish/v1/Systems/437XR1138R2";
const SIMPLE_UPDATE = "/redfish/v1/UpdateService/Actions/UpdateService.SimpleUpdate";
let server: MockupServer;
let client: RedfishClient;
let dir: string;
let file: string;
const IMAGE = "RACKPILOT TEST IMAGE ".repeat(3000);
let replies = new Map<string, MockReply[]>();
let seen: MockRequest[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rackpilot-mockup-update-"));
  file = join(dir, "bios-2.0.bin");
  await writeFile(file, IMAGE);
  server = await startMockupServer({ mockup: "public-rackmount1", host: "127.57.5.1" });
  // Scripted answers: each `METHOD path` answers its queued replies in turn, the last one from then on.
  server.override((request) => {
    const queue = replies.get(`${request.method} ${request.path}`);
    if (!queue) return undefined;
    seen.push(request);
    return queue.length > 1 ? queue.shift() : queue[0];
  });
  client = await RedfishClient.connect(clientOptionsForMockup(server));
});
afterAll(async () => {
  await client.close();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  replies = new Map();
  seen = [];
});

const script = (key: string, ...answers: MockReply[]) => replies.set(key, answers);
const bios = (image: UpdateRequest["image"], extra: Partial<UpdateRequest> = {}): UpdateRequest => ({
  component: "bios",
  systemPath: SYSTEM,
  managerPath: "/redfish/v1/Managers/BMC",
  image,
  ...extra,
});

describe("SimpleUpdate", () => {
  it("takes the protocols from the ActionInfo and sends the apply time and ForceUpdate asked for", async () => {
    script(`POST ${SIMPLE_UPDATE}`, { status: 200, body: { "@Message.ExtendedInfo": [{ MessageId: "Base.1.16.Success", Message: "Successfully Completed Request" }] } });
    const accepted = await startUpdate(client, bios({ url: "https://127.57.5.250/bios-2.0.bin" }, { applyTime: "OnReset", force: true }));
    expect(seen[0].body).toEqual({ ImageURI: "https://127.57.5.250/bios-2.0.bin", TransferProtocol: "HTTPS", ForceUpdate: true, "@Redfish.OperationApplyTime": "OnReset" });
    expect(accepted).toMatchObject({ status: 200, noTask: true, tracker: {}, messages: ["Successfully Completed Request"] });
    expect(await pollUpdate(client, accepted)).toMatchObject({ state: "unknown", message: expect.stringMatching(/no task/) });
  });

  it("follows tracking that moves from the task to a job", async () => {
    script(`POST ${SIMPLE_UPDATE}`, { status: 202, headers: { Location: "/redfish/v1/TaskService/Tasks/t9" } });
    const moved = { MessageId: "Update.1.1.OperationTransitionedToJob", Message: "Moved to a job.", MessageArgs: ["/redfish/v1/JobService/Jobs/j9"] };
    script("GET /redfish/v1/TaskService/Tasks/t9", { status: 200, body: { "@odata.id": "/redfish/v1/TaskService/Tasks/t9", TaskState: "Running", Messages: [moved] } });
    script("GET /redfish/v1/JobService/Jobs/j9", { status: 200, body: { "@odata.id": "/redfish/v1/JobService/Jobs/j9", JobState: "Completed", PercentComplete: 100 } });
    const accepted = await startUpdate(client, bios({ url: "http://127.57.5.250/bios-2.0.bin" }));
    expect(accepted.tracker).toEqual({ monitor: "/redfish/v1/TaskService/Tasks/t9" });
    const first = await pollUpdate(client, accepted);
    expect(first).toMatchObject({ state: "running", tracker: { task: "/redfish/v1/JobService/Jobs/j9" } });
    expect(await pollUpdate(client, { ...accepted, tracker: first.tracker! })).toMatchObject({ state: "completed", reported: "Completed" });
  });

  it("types a licence refusal", async () => {
    const body = { error: { code: "Base.1.16.GeneralError", message: "Not licensed.", "@Message.ExtendedInfo": [{ MessageId: "Base.1.16.LicenseRequired", Message: "A license is required." }] } };
    script(`POST ${SIMPLE_UPDATE}`, { status: 403, body });
    await expect(startUpdate(client, bios({ url: "http://127.57.5.250/bios-2.0.bin" }))).rejects.toMatchObject({ kind: "update_refused", reason: "licence_required", status: 403 });
  });
});

describe("HttpPushUri", () => {
  it("sets the global apply time, then pushes the file raw with an explicit Content-Length", async () => {
    script("PATCH /redfish/v1/UpdateService", { status: 204 });
    script("POST /FWUpdate", { status: 202, headers: { Location: "/redfish/v1/TaskService/TaskMonitors/fw1", "Retry-After": "2" } });
    const prepared = await prepareUpdate(client, bios({ file }, { applyTime: "OnReset" }));
    expect(prepared.plan).toMatchObject({ method: "http_push", target: "/FWUpdate", pushApplyTime: "OnReset", image: { name: "bios-2.0.bin" } });
    const accepted = await sendUpdate(client, prepared);
    expect(seen.map((request) => `${request.method} ${request.path}`)).toEqual(["PATCH /redfish/v1/UpdateService", "POST /FWUpdate"]);
    expect(seen[0].body).toEqual({ HttpPushUriOptions: { HttpPushUriApplyTime: { ApplyTime: "OnReset" } } });
    expect(seen[1].headers).toMatchObject({ "content-type": "application/octet-stream", "content-length": String(IMAGE.length) });
    expect(seen[1].headers["transfer-encoding"]).toBeUndefined();
    expect(seen[1].body).toBe(IMAGE);
    expect(accepted).toMatchObject({ method: "http_push", status: 202, retryAfterMs: 2000, tracker: { monitor: "/redfish/v1/TaskService/TaskMonitors/fw1" } });

    script("GET /redfish/v1/TaskService/TaskMonitors/fw1", { status: 202, headers: { "Retry-After": "1" } }, { status: 204 });
    expect(await pollUpdate(client, accepted)).toMatchObject({ state: "running", retryAfterMs: 1000 });
    expect(await pollUpdate(client, accepted)).toMatchObject({ state: "completed" });
  });

  it("pushes multipart UpdateParameters and UpdateFile where the service offers MultipartHttpPushUri", async () => {
    server.replace("/redfish/v1/UpdateService", (body: Record<string, unknown>) => ({ ...body, MultipartHttpPushUri: "/redfish/v1/UpdateService/upload" }));
    script("POST /redfish/v1/UpdateService/upload", { status: 202, body: { "@odata.id": "/redfish/v1/TaskService/Tasks/m1", TaskState: "New" } });
    const accepted = await startUpdate(client, bios({ file }, { force: true }));
    const request = seen[0];
    expect(request.headers["content-length"]).toBe(String(Buffer.byteLength(request.body as string)));
    const form = await new Response(request.body as string, { headers: { "content-type": String(request.headers["content-type"]) } }).formData();
    expect(JSON.parse(String(form.get("UpdateParameters")))).toEqual({ Targets: [], "@Redfish.OperationApplyTime": "Immediate", ForceUpdate: true });
    expect(await (form.get("UpdateFile") as File).text()).toBe(IMAGE);
    expect(accepted).toMatchObject({ method: "multipart_push", tracker: { task: "/redfish/v1/TaskService/Tasks/m1" } });
  });
});
