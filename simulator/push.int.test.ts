import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeImage, startFleet, type BmcHandle, type Fleet } from "./index";
import { bmcClient, login, pathOf, waitFor } from "./testing/client";
import { pollUntil } from "./testing/monitor";
import { imageFor, pushTo } from "./testing/push";
import type { VendorKey } from "./types";

let fleet: Fleet;
const byVendor = (vendor: VendorKey) => fleet.bmcs.find((bmc) => bmc.vendor === vendor) as BmcHandle;
const DONE = ["Completed", "Exception", "Failed"];

beforeAll(async () => {
  fleet = await startFleet({
    base: "127.51.21.1",
    seed: 21,
    timings: { taskMs: 400, powerMs: 50, bmcRestartMs: 300 },
    bmcs: [{ vendor: "dell" }, { vendor: "supermicro" }, { vendor: "lenovo" }, { vendor: "openbmc" }],
  });
});
afterAll(() => fleet.stop());

const service = async (bmc: BmcHandle) => (await bmcClient(bmc).get("/redfish/v1/UpdateService")).body;
const errorId = (body: { error: { "@Message.ExtendedInfo": { MessageId: string }[] } }) => body.error["@Message.ExtendedInfo"][0].MessageId;

describe("Dell iDRAC9 MultipartUpload", () => {
  it("takes a multipart push and answers 202 with the job in Location, no body", async () => {
    const bmc = byVendor("dell");
    expect((await service(bmc)).MultipartHttpPushUri).toBe("/redfish/v1/UpdateService/MultipartUpload");
    const before = bmc.firmware.bios;
    const pushed = await pushTo(bmc, "/redfish/v1/UpdateService/MultipartUpload", { Targets: [], "@Redfish.OperationApplyTime": "Immediate", Oem: {} }, imageFor(bmc, "bios", "2.9.9"), "BIOS_9.9.EXE");
    expect(pushed.status, pushed.text).toBe(202);
    expect(pushed.text).toBe("");
    const location = pathOf(String(pushed.headers.location));
    expect(location).toMatch(/^\/redfish\/v1\/TaskService\/Tasks\/JID_\d{12}$/);
    const task = await pollUntil(bmc, location, ["Pending", ...DONE]);
    expect(task.last.body).toMatchObject({ TaskState: "Pending", Oem: { Dell: { JobState: "Scheduled", Message: "Task successfully scheduled." } } });
    const job = await bmcClient(bmc).get(`/redfish/v1/Managers/iDRAC.Embedded.1/Jobs/${location.split("/").at(-1)}`);
    expect(job.body).toMatchObject({ JobType: "FirmwareUpdate", JobState: "Scheduled", Name: "Firmware Update: BIOS" });
    expect(bmc.firmware.bios).toBe(before);
    expect(bmc.flashHistory.at(-1)).toMatchObject({ method: "MultipartHttpPushUri", imageName: "BIOS_9.9.EXE", imageUri: undefined, outcome: "pending_reset", toVersion: "2.9.9" });
  });

  it("refuses a chunked upload, as iDRACs do, and a push without its parts, accepting nothing", async () => {
    const bmc = byVendor("dell");
    const flashes = bmc.flashHistory.length;
    const image = imageFor(bmc, "nic", "23.0.1");
    const chunked = await pushTo(bmc, "/redfish/v1/UpdateService/MultipartUpload", { Targets: [] }, image, "nic.exe", { chunked: true });
    expect(chunked.status).toBe(411);
    expect(chunked.body.error["@Message.ExtendedInfo"][0].Message).toContain("Content-Length");
    const noParameters = await bmcClient(bmc).post("/redfish/v1/UpdateService/MultipartUpload", undefined, {
      raw: { body: Buffer.from("--b\r\nContent-Disposition: form-data; name=\"UpdateFile\"; filename=\"x\"\r\n\r\nabc\r\n--b--\r\n"), contentType: "multipart/form-data; boundary=b" },
    });
    expect(noParameters.status).toBe(400);
    expect(errorId(noParameters.body)).toMatch(/ActionParameterMissing$/);
    const badApplyTime = await pushTo(bmc, "/redfish/v1/UpdateService/MultipartUpload", { "@Redfish.OperationApplyTime": "Tomorrow" }, image, "nic.exe");
    expect(badApplyTime.status).toBe(400);
    expect(bmc.flashHistory).toHaveLength(flashes);
  });
});

describe("Supermicro X12 two-phase push", () => {
  const UPLOAD = "/redfish/v1/UpdateService/upload";
  const START = "/redfish/v1/UpdateService/Actions/UpdateService.StartUpdate";
  const taskIn = (body: { Accepted: { "@Message.ExtendedInfo": { MessageId: string; MessageArgs: string[] }[] } }) => {
    const [info] = body.Accepted["@Message.ExtendedInfo"];
    expect(info.MessageId).toBe("SMC.1.0.OemSimpleupdateAcceptedMessage");
    return info.MessageArgs[0];
  };

  it("advertises the upload URI, StartUpdate, and SimpleUpdate through its ActionInfo", async () => {
    const bmc = byVendor("supermicro");
    const body = await service(bmc);
    expect(body).toMatchObject({ MultipartHttpPushUri: UPLOAD, Actions: { "#UpdateService.StartUpdate": { target: START } } });
    const info = await bmcClient(bmc).get(body.Actions["#UpdateService.SimpleUpdate"]["@Redfish.ActionInfo"]);
    expect(info.body.Parameters).toContainEqual(expect.objectContaining({ Name: "TransferProtocol", AllowableValues: ["HTTP", "HTTPS"] }));
  });

  it("verifies an upload in a Verify task, then flashes it in an Update task once StartUpdate is called, each named only in the body", async () => {
    const bmc = byVendor("supermicro");
    const parameters = { Targets: [bmc.paths.manager], "@Redfish.OperationApplyTime": "OnStartUpdateRequest", Oem: { Supermicro: { BMC: { PreserveCfg: true } } } };
    const uploaded = await pushTo(bmc, UPLOAD, parameters, imageFor(bmc, "bmc", "01.09.09"), "BMC_X12.bin");
    expect(uploaded.status, uploaded.text).toBe(202);
    expect(uploaded.headers.location).toBeUndefined();
    const verify = await pollUntil(bmc, taskIn(uploaded.body), DONE);
    expect(verify.last.body).toMatchObject({ Name: "BMC Verify", TaskState: "Completed", TaskStatus: "OK" });
    expect(bmc.flashHistory).toEqual([]);

    const again = await pushTo(bmc, UPLOAD, parameters, imageFor(bmc, "bmc", "01.09.10"), "BMC_X12.bin");
    expect(again.status).toBe(400);
    expect(errorId(again.body)).toBe("SMC.1.0.OemFirmwareAlreadyInUpdateMode");

    const started = await bmcClient(bmc).post(START, {});
    expect(started.status).toBe(202);
    const update = await pollUntil(bmc, taskIn(started.body), DONE);
    expect(update.last.body).toMatchObject({ Name: "BMC Update", TaskState: "Completed" });
    expect(update.unavailable).toBeGreaterThan(0);
    expect(bmc.firmware.bmc).toBe("01.09.09");
    expect(bmc.flashHistory).toEqual([expect.objectContaining({ method: "StartUpdate", type: "bmc", toVersion: "01.09.09", outcome: "applied", targets: [bmc.paths.manager] })]);
  });

  it("refuses StartUpdate with nothing uploaded, and an upload that is not OnStartUpdateRequest", async () => {
    const bmc = byVendor("supermicro");
    const nothing = await bmcClient(bmc).post(START, {});
    expect(nothing.status).toBe(400);
    const immediate = await pushTo(bmc, UPLOAD, { "@Redfish.OperationApplyTime": "Immediate" }, imageFor(bmc, "bios", "1.9"), "BIOS.bin");
    expect(immediate.status).toBe(400);
    expect(errorId(immediate.body)).toMatch(/ActionParameterValueNotInList$/);
  });

  it("ends the Verify task in Exception for an image of another model, and StartUpdate then has nothing to start", async () => {
    const bmc = byVendor("supermicro");
    const foreign = makeImage({ vendor: "supermicro", type: "bios", version: "1.9", models: ["SYS-999"], name: "bios" });
    const uploaded = await pushTo(bmc, UPLOAD, { "@Redfish.OperationApplyTime": "OnStartUpdateRequest" }, foreign, "BIOS.bin");
    const verify = await pollUntil(bmc, taskIn(uploaded.body), DONE);
    expect(verify.last.body.TaskState).toBe("Exception");
    expect(JSON.stringify(verify.last.body.Messages)).toContain("supports SYS-999");
    expect((await bmcClient(bmc).post(START, {})).status).toBe(400);
  });
});

describe("Lenovo XCC push and its HttpPushUriTargetsBusy claim", () => {
  it("advertises both push URIs and a free claim", async () => {
    expect(await service(byVendor("lenovo"))).toMatchObject({
      HttpPushUri: "/fwupdate",
      MultipartHttpPushUri: "/mfwupdate",
      HttpPushUriTargetsBusy: false,
      HttpPushUriTargets: [],
    });
  });

  it("lets the holder push while the claim refuses everyone else, and releases it on request or when its session ends", async () => {
    const bmc = byVendor("lenovo");
    const [holder, other] = await Promise.all([login(bmc), login(bmc)]);
    const client = bmcClient(bmc);
    const targets = ["/redfish/v1/UpdateService/FirmwareInventory/OB_1.Bundle"];
    expect((await client.patch("/redfish/v1/UpdateService", { HttpPushUriTargetsBusy: true, HttpPushUriTargets: targets }, { token: holder.token })).status).toBe(204);
    expect(await service(bmc)).toMatchObject({ HttpPushUriTargetsBusy: true, HttpPushUriTargets: targets });
    expect((await client.patch("/redfish/v1/UpdateService", { HttpPushUriTargetsBusy: true }, { token: other.token })).status).toBe(409);

    const image = imageFor(bmc, "nic", "230.0.1.0");
    const refused = await pushTo(bmc, "/mfwupdate", { Targets: targets }, image, "nic.uxz", { token: other.token });
    expect(refused.status).toBe(409);
    expect(refused.body.error["@Message.ExtendedInfo"][0].Message).toContain("HttpPushUriTargetsBusy");
    const pushed = await pushTo(bmc, "/mfwupdate", { Targets: targets }, image, "nic.uxz", { token: holder.token });
    expect(pushed.status, pushed.text).toBe(202);
    await pollUntil(bmc, String(pushed.headers.location), DONE);
    expect(bmc.firmware.nic).toBe("230.0.1.0");

    expect((await client.patch("/redfish/v1/UpdateService", { HttpPushUriTargetsBusy: false, HttpPushUriTargets: [] }, { token: holder.token })).status).toBe(204);
    const raw = await client.post("/fwupdate", undefined, { token: other.token, raw: { body: imageFor(bmc, "nic", "230.0.2.0"), contentType: "application/octet-stream" } });
    expect(raw.status, raw.text).toBe(202);
    await pollUntil(bmc, String(raw.headers.location), DONE);
    expect(bmc.flashHistory.slice(-2)).toMatchObject([
      { method: "MultipartHttpPushUri", imageName: "nic.uxz", targets, outcome: "applied" },
      { method: "HttpPushUri", outcome: "applied", toVersion: "230.0.2.0" },
    ]);

    expect((await client.patch("/redfish/v1/UpdateService", { HttpPushUriTargetsBusy: true }, { token: other.token })).status).toBe(204);
    await client.delete(other.location, { token: other.token });
    expect((await service(bmc)).HttpPushUriTargetsBusy).toBe(false);
  });

  it("refuses a PATCH of anything else", async () => {
    const bmc = byVendor("lenovo");
    const unknown = await bmcClient(bmc).patch("/redfish/v1/UpdateService", { ServiceEnabled: false });
    expect(unknown.status).toBe(400);
    expect(errorId(unknown.body)).toMatch(/PropertyUnknown$/);
    expect((await bmcClient(bmc).patch("/redfish/v1/UpdateService", { HttpPushUriTargetsBusy: "yes" })).status).toBe(400);
  });
});

describe("OpenBMC multipart push", () => {
  const PUSH = "/redfish/v1/UpdateService/update-multipart";

  it("offers the multipart push alone, with a global apply time set by PATCH", async () => {
    const bmc = byVendor("openbmc");
    const client = bmcClient(bmc);
    const body = await service(bmc);
    expect(body).toMatchObject({ MultipartHttpPushUri: PUSH, HttpPushUriOptions: { HttpPushUriApplyTime: { ApplyTime: "Immediate" } } });
    expect(body.Actions).toBeUndefined();
    expect(body.HttpPushUri).toBeUndefined();
    expect((await client.post("/redfish/v1/UpdateService/Actions/UpdateService.SimpleUpdate", { ImageURI: "http://127.0.0.1/x.bin" })).status).toBe(404);

    const patched = await client.patch("/redfish/v1/UpdateService", { HttpPushUriOptions: { HttpPushUriApplyTime: { ApplyTime: "OnReset" } } });
    expect(patched.status).toBe(200);
    expect(patched.body["@Message.ExtendedInfo"][0].MessageId).toMatch(/\.Success$/);
    expect((await service(bmc)).HttpPushUriOptions.HttpPushUriApplyTime.ApplyTime).toBe("OnReset");
    const wrong = await client.patch("/redfish/v1/UpdateService", { HttpPushUriOptions: { HttpPushUriApplyTime: { ApplyTime: "Later" } } });
    expect(errorId(wrong.body)).toMatch(/PropertyValueNotInList$/);
    expect((await client.patch("/redfish/v1/UpdateService", { MultipartHttpPushUri: "/elsewhere" })).status).toBe(400);
    await client.patch("/redfish/v1/UpdateService", { HttpPushUriOptions: { HttpPushUriApplyTime: { ApplyTime: "Immediate" } } });
  });

  it("flashes the BMC through a task whose monitor answers 202, then 204 once, then 404", async () => {
    const bmc = byVendor("openbmc");
    const pushed = await pushTo(bmc, PUSH, { Targets: [] }, imageFor(bmc, "bmc", "2.15.0-dev-1-gabcdef012"), "obmc-phosphor-image.static.mtd.tar");
    expect(pushed.status, pushed.text).toBe(202);
    expect(pushed.body).toMatchObject({ "@odata.id": "/redfish/v1/TaskService/Tasks/0", TaskState: "New" });
    const monitor = String(pushed.headers.location);
    expect(monitor).toBe("/redfish/v1/TaskService/TaskMonitors/0");
    const client = bmcClient(bmc);
    expect((await client.get(monitor)).status).toBe(202);
    const finished = await waitFor(async () => {
      const answer = await client.get(monitor);
      return answer.status === 202 || answer.status === 503 ? undefined : answer;
    });
    expect(finished.status).toBe(204);
    expect((await client.get(monitor)).status).toBe(404);
    await waitFor(async () => ((await client.get(bmc.paths.manager)).body?.FirmwareVersion === "2.15.0-dev-1-gabcdef012" ? true : undefined));
    expect((await client.get("/redfish/v1/TaskService/Tasks/0")).body.TaskState).toBe("Completed");
  });

  it("refuses an image of the version it runs unless ForceUpdate, and a foreign image, there and then", async () => {
    const bmc = byVendor("openbmc");
    const same = imageFor(bmc, "bmc", bmc.firmware.bmc!);
    const refused = await pushTo(bmc, PUSH, {}, same, "same.tar");
    expect(refused.status).toBe(400);
    expect(errorId(refused.body)).toMatch(/ResourceAlreadyExists$/);
    const foreign = await pushTo(bmc, PUSH, {}, makeImage({ vendor: "dell", type: "bmc", version: "9.9", models: [], name: "idrac" }), "dell.exe");
    expect(foreign.status).toBe(400);
    expect(errorId(foreign.body)).toMatch(/InvalidUpload$/);
    const flashes = bmc.flashHistory.length;
    const forced = await pushTo(bmc, PUSH, { ForceUpdate: true }, same, "same.tar");
    expect(forced.status).toBe(202);
    const busy = await pushTo(bmc, PUSH, { ForceUpdate: true }, same, "same.tar");
    expect(busy.status).toBe(503);
    expect(busy.headers["retry-after"]).toBe("30");
    await waitFor(async () => (bmc.flashHistory.at(-1)?.outcome === "applied" ? true : undefined));
    expect(bmc.flashHistory.slice(flashes)).toMatchObject([{ force: true, fromVersion: bmc.firmware.bmc, toVersion: bmc.firmware.bmc }]);
  });

  it("writes a BIOS only with the host off, and activates it when the host powers on", async () => {
    const bmc = byVendor("openbmc");
    const client = bmcClient(bmc);
    const hostOn = await pushTo(bmc, PUSH, {}, imageFor(bmc, "bios", "P9.10"), "bios.tar");
    const failed = await waitFor(async () => {
      const task = (await client.get(pathOf(pushed(hostOn)))).body;
      return task?.TaskState === "Exception" ? task : undefined;
    });
    expect(JSON.stringify(failed.Messages)).toContain("The host must be powered off before its BIOS is updated");

    await client.post(bmc.paths.reset, { ResetType: "ForceOff" });
    await waitFor(async () => (bmc.powerState === "Off" ? true : undefined));
    const hostOff = await pushTo(bmc, PUSH, {}, imageFor(bmc, "bios", "P9.10"), "bios.tar");
    await waitFor(async () => (bmc.pendingFirmware.bios === "P9.10" ? true : undefined));
    expect((await client.get(bmc.paths.system)).body.BiosVersion).not.toBe("P9.10");
    expect(hostOff.status).toBe(202);
    await client.post(bmc.paths.reset, { ResetType: "On" });
    await waitFor(async () => ((await client.get(bmc.paths.system)).body?.BiosVersion === "P9.10" ? true : undefined));
  });
});

const pushed = (answer: { body: { "@odata.id": string } }) => answer.body["@odata.id"];
