import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RedfishClient } from "./client";
import { powerOn, readPowerState, restartHost, shutDownHost } from "./power";
import { clientOptionsForMockup } from "./testing/mockup-client";
import { startMockupServer, type MockReply, type MockRequest, type MockupServer } from "./testing/mockup-server";

const SYSTEM = "/redfish/v1/Systems/437XR1138R2";
const RESET = `${SYSTEM}/Actions/ComputerSystem.Reset`;
let server: MockupServer;
let client: RedfishClient;
let resets: MockRequest[] = [];
let answer: MockReply = { status: 204 };
/** What the system resource says, changed per test. */
let system: { powerState: string; resetAction?: Record<string, unknown> } = { powerState: "On" };

beforeAll(async () => {
  server = await startMockupServer({ mockup: "public-rackmount1", host: "127.57.6.1" });
  server.replace(SYSTEM, (body: Record<string, any>) => ({
    ...body,
    PowerState: system.powerState,
    Actions: system.resetAction ? { "#ComputerSystem.Reset": { target: RESET, ...system.resetAction } } : body.Actions,
  }));
  server.replace(`${SYSTEM}/ResetActionInfo`, { "@odata.id": `${SYSTEM}/ResetActionInfo`, Id: "ResetActionInfo", Parameters: [{ Name: "ResetType", AllowableValues: ["On", "PowerCycle"] }] });
  server.override((request) => {
    if (request.method !== "POST" || request.path !== RESET) return undefined;
    resets.push(request);
    return answer;
  });
  client = await RedfishClient.connect(clientOptionsForMockup(server));
});
afterAll(async () => {
  await client.close();
  await server.stop();
});
beforeEach(() => {
  resets = [];
  answer = { status: 204 };
  system = { powerState: "On" };
});

const sent = () => resets.map((request) => (request.body as { ResetType: string }).ResetType);

describe("host power", () => {
  it("restarts gracefully, else shuts down to be powered on, else forces, as the system allows", async () => {
    expect(await readPowerState(client, SYSTEM)).toBe("On");
    expect(await restartHost(client, SYSTEM, "graceful")).toEqual({ resetType: "GracefulRestart", accepted: true, powerOnWhenOff: false, message: null });
    expect(await restartHost(client, SYSTEM, "forced")).toMatchObject({ resetType: "ForceRestart", powerOnWhenOff: false });

    system.resetAction = { "ResetType@Redfish.AllowableValues": ["On", "ForceOff", "GracefulShutdown"] };
    expect(await restartHost(client, SYSTEM, "graceful")).toMatchObject({ resetType: "GracefulShutdown", powerOnWhenOff: true });
    expect(await restartHost(client, SYSTEM, "forced")).toMatchObject({ resetType: "ForceOff", powerOnWhenOff: true });

    system.resetAction = { "@Redfish.ActionInfo": `${SYSTEM}/ResetActionInfo` };
    expect(await restartHost(client, SYSTEM, "forced")).toMatchObject({ resetType: "PowerCycle" });
    await expect(restartHost(client, SYSTEM, "graceful")).rejects.toThrow(/offers no graceful reset \(it offers On, PowerCycle\)/);
    expect(sent()).toEqual(["GracefulRestart", "ForceRestart", "GracefulShutdown", "ForceOff", "PowerCycle"]);
  });

  it("powers a host on or off around an update, leaving one already there as it is", async () => {
    system.powerState = "Off";
    expect(await restartHost(client, SYSTEM, "graceful")).toMatchObject({ resetType: "On", accepted: true });
    expect(await powerOn(client, SYSTEM)).toMatchObject({ resetType: "On", accepted: true });
    expect(await shutDownHost(client, SYSTEM, "graceful")).toMatchObject({ resetType: null, accepted: true });
    system.powerState = "On";
    expect(await powerOn(client, SYSTEM)).toEqual({ resetType: null, accepted: true, powerOnWhenOff: false, message: null });
    expect(await shutDownHost(client, SYSTEM, "graceful")).toMatchObject({ resetType: "GracefulShutdown", accepted: true });
    expect(await shutDownHost(client, SYSTEM, "forced")).toMatchObject({ resetType: "ForceOff", accepted: true });
    expect(sent()).toEqual(["On", "On", "GracefulShutdown", "ForceOff"]);
  });

  it("reports a reset the BMC cannot take now, in its words, for the caller to ask again", async () => {
    const message = "The system is PoweringOn; retry when the transition ends.";
    answer = { status: 409, body: { error: { code: "Base.1.16.GeneralError", message, "@Message.ExtendedInfo": [{ MessageId: "Base.1.16.ResourceInUse", Message: message }] } } };
    expect(await restartHost(client, SYSTEM, "graceful")).toEqual({ resetType: "GracefulRestart", accepted: false, powerOnWhenOff: false, message });
    answer = { status: 500 };
    await expect(restartHost(client, SYSTEM, "forced")).rejects.toMatchObject({ kind: "protocol", status: 500 });
  });
});
