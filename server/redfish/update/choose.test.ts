import { describe, expect, it } from "vitest";
import type { UpdateCapabilities } from "./capabilities";
import { chooseUpdatePlan } from "./choose";
import { UpdateRefusedError } from "./errors";
import type { UpdateRequest } from "./types";

const caps = (overrides: Partial<UpdateCapabilities> = {}): UpdateCapabilities => ({
  updateService: "/redfish/v1/UpdateService",
  serviceEnabled: true,
  simpleUpdate: { target: "/redfish/v1/UpdateService/Actions/UpdateService.SimpleUpdate", protocols: ["HTTP", "HTTPS"], applyTimes: null },
  multipartPushUri: null,
  httpPushUri: null,
  pushClaim: null,
  pushApplyTime: null,
  startUpdate: null,
  installFromUri: null,
  maxImageSizeBytes: null,
  hpeFlashState: false,
  systemCount: 1,
  ...overrides,
});

const request = (overrides: Partial<UpdateRequest> = {}, image: UpdateRequest["image"] = {}): UpdateRequest => ({
  component: "bios",
  systemPath: "/redfish/v1/Systems/1",
  managerPath: "/redfish/v1/Managers/1",
  inventoryId: "/redfish/v1/UpdateService/FirmwareInventory/UEFI",
  image: { url: "http://127.0.0.1:8080/images/bios-1.2.bin", file: "/var/lib/rackpilot/bios-1.2.bin", ...image },
  ...overrides,
});

const plan = (vendor: string | null, capabilities: UpdateCapabilities, req: UpdateRequest) => chooseUpdatePlan(capabilities, req, vendor, "127.0.0.1:443");

function refusal(run: () => unknown): UpdateRefusedError {
  try {
    run();
  } catch (error) {
    if (error instanceof UpdateRefusedError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("choosing how to send an update", () => {
  it("pulls with SimpleUpdate where offered, without Targets on a one-system BMC (as Ironic), with the URL's protocol", () => {
    const chosen = plan("Dell Inc.", caps({ multipartPushUri: "/redfish/v1/UpdateService/MultipartUpload" }), request());
    expect(chosen).toMatchObject({ method: "simple_update", targets: null, transferProtocol: "HTTP", applyTime: null, force: false });
    expect(chosen.image).toEqual({ url: "http://127.0.0.1:8080/images/bios-1.2.bin", file: null, name: "bios-1.2.bin" });
  });

  it("sends Targets when the BMC has several systems, and the apply time when it lists it", () => {
    const chosen = plan(null, caps({ systemCount: 2, simpleUpdate: { target: "/su", protocols: null, applyTimes: ["Immediate", "OnReset"] } }), request({ component: "bmc", applyTime: "OnReset", force: true }));
    expect(chosen).toMatchObject({ targets: ["/redfish/v1/Managers/1"], applyTime: "OnReset", transferProtocol: null, force: true });
  });

  it("pushes on Dell when pull is not offered for the URL's scheme, and never uses iDRAC's HttpPushUri", () => {
    const https = request({}, { url: "https://127.0.0.1/bios.bin" });
    const dell = caps({ simpleUpdate: { target: "/su", protocols: ["HTTP"], applyTimes: null }, multipartPushUri: "/mp", httpPushUri: "/push" });
    expect(plan("Dell", dell, https)).toMatchObject({ method: "multipart_push", target: "/mp", targets: [], applyTime: "Immediate", image: { file: "/var/lib/rackpilot/bios-1.2.bin", url: null } });
    expect(refusal(() => plan("Dell", caps({ simpleUpdate: null, httpPushUri: "/push" }), https)).reason).toBe("no_path");
  });

  it("takes iLO 5 SimpleUpdate only for raw images, and iLO 4 through InstallFromURI", () => {
    const ilo5 = caps({ hpeFlashState: true });
    expect(plan("HPE", ilo5, request({}, { name: "U46_1.68.signed.flash" }))).toMatchObject({ method: "simple_update", hpeFlashState: { path: "/redfish/v1/UpdateService", legacy: false } });
    const fwpkg = refusal(() => plan("HPE", ilo5, request({}, { name: "U46_1.68.fwpkg" })));
    expect(fwpkg.reason).toBe("unsupported_image");
    expect(fwpkg.message).toContain("U46_1.68.fwpkg");
    const ilo4 = caps({ updateService: null, simpleUpdate: null, installFromUri: { service: "/redfish/v1/Managers/1/UpdateService/", target: "/redfish/v1/Managers/1/UpdateService/Actions/HpiLOFirmwareUpdate.InstallFromURI/" } });
    expect(plan("HPE", ilo4, request({ component: "bmc" }))).toMatchObject({
      method: "install_from_uri",
      target: "/redfish/v1/Managers/1/UpdateService/Actions/HpiLOFirmwareUpdate.InstallFromURI/",
      hpeFlashState: { path: "/redfish/v1/Managers/1/UpdateService/", legacy: true },
    });
  });

  it("gives Supermicro its Targets, and a two-phase push with the preserve flags", () => {
    expect(plan("Supermicro", caps(), request()).targets).toEqual(["/redfish/v1/Systems/1"]);
    expect(plan("Supermicro", caps(), request({ component: "bmc" })).targets).toEqual(["/redfish/v1/Managers/1"]);
    const push = plan("Super Micro Computer, Inc.", caps({ simpleUpdate: null, multipartPushUri: "/redfish/v1/UpdateService/upload", startUpdate: "/start" }), request());
    expect(push).toMatchObject({ method: "multipart_push", targets: ["/redfish/v1/Systems/1/Bios"], startUpdateTarget: "/start", applyTime: null });
    expect(push.oem).toMatchObject({ Supermicro: { BIOS: { PreserveSETUPCONF: true } } });
  });

  it("claims Lenovo's push with the component's inventory entry, and sets OpenBMC's global apply time", () => {
    const lenovo = caps({ simpleUpdate: null, multipartPushUri: "/mfwupdate", pushClaim: { busy: false, targets: [] } });
    expect(plan("Lenovo", lenovo, request())).toMatchObject({ method: "multipart_push", claimTargets: ["/redfish/v1/UpdateService/FirmwareInventory/UEFI"] });
    const openbmc = caps({ simpleUpdate: null, multipartPushUri: "/redfish/v1/UpdateService/update", pushApplyTime: "Immediate", maxImageSizeBytes: 1024 });
    expect(plan("OpenBMC", openbmc, request({ applyTime: "OnReset" }))).toMatchObject({ pushApplyTime: "OnReset", applyTime: "OnReset", claimTargets: null, maxImageBytes: 1024 });
    expect(plan("OpenBMC", openbmc, request())).toMatchObject({ pushApplyTime: null, hostOffFirst: true });
    expect(plan("OpenBMC", openbmc, request({ component: "bmc" })).hostOffFirst).toBe(false);
  });

  it("refuses what it cannot send, saying what the BMC offers", () => {
    const onResetless = caps({ simpleUpdate: { target: "/su", protocols: null, applyTimes: ["Immediate"] } });
    expect(refusal(() => plan(null, onResetless, request({ component: "nic", applyTime: "OnReset" }))).message).toContain("offers Immediate");
    expect(plan(null, onResetless, request({ applyTime: "OnReset" })).applyTime).toBeNull();
    expect(refusal(() => plan(null, caps({ serviceEnabled: false }), request())).reason).toBe("no_path");
    const noFile = refusal(() => plan(null, caps({ simpleUpdate: null, multipartPushUri: "/mp" }), request({}, { file: null })));
    expect(noFile.message).toMatch(/offers MultipartHttpPushUri, none of which fits an image URL/);
  });
});
