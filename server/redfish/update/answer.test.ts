import { describe, expect, it } from "vitest";
import { RedfishProtocolError } from "../errors";
import { messageIdOf, type RedfishResponse } from "../http";
import { refusalOf, trackerOf } from "./answer";
import type { UpdateRefusedError } from "./errors";

const answer = (status: number, body?: unknown, headers: Record<string, string> = {}): RedfishResponse => ({
  status,
  headers,
  body,
  text: body === undefined ? "" : JSON.stringify(body),
  messageId: messageIdOf(body),
});

const error = (id: string, message: string) => ({ error: { code: "Base.1.12.GeneralError", message: "A general error has occurred.", "@Message.ExtendedInfo": [{ MessageId: id, Message: message }] } });

describe("where the BMC put the task", () => {
  it("reads Location, and the body's task @odata.id over it", () => {
    expect(trackerOf(answer(202, undefined, { location: "https://127.0.0.1/redfish/v1/TaskMonitors/7" }), null)).toEqual({ monitor: "/redfish/v1/TaskMonitors/7" });
    const task = { "@odata.id": "/redfish/v1/TaskService/Tasks/7", TaskState: "New", TaskMonitor: "/redfish/v1/TaskService/Tasks/7/Monitor" };
    expect(trackerOf(answer(202, task, { location: "/redfish/v1/TaskService/Tasks/7/Monitor" }), null)).toEqual({
      task: "/redfish/v1/TaskService/Tasks/7",
      monitor: "/redfish/v1/TaskService/Tasks/7/Monitor",
    });
    expect(trackerOf(answer(202, task, { location: "/redfish/v1/TaskService/Tasks/7" }), null)).toEqual({ task: "/redfish/v1/TaskService/Tasks/7", monitor: "/redfish/v1/TaskService/Tasks/7/Monitor" });
  });

  it("finds Supermicro's task in the Accepted message and Dell's job in Location", () => {
    const accepted = { Accepted: { code: "Base.v1_4_0.Accepted", "@Message.ExtendedInfo": [{ MessageId: "SMC.1.0.OemSimpleupdateAcceptedMessage", MessageArgs: ["/redfish/v1/TaskService/Tasks/2"] }] } };
    expect(trackerOf(answer(202, accepted), null)).toEqual({ task: "/redfish/v1/TaskService/Tasks/2" });
    const dell = trackerOf(answer(202, undefined, { location: "/redfish/v1/Managers/iDRAC.Embedded.1/Jobs/JID_123456789012" }), "/redfish/v1/Managers/iDRAC.Embedded.1");
    expect(dell.dellJob?.id).toBe("JID_123456789012");
    expect(dell.dellJob?.paths[0]).toBe("/redfish/v1/Managers/iDRAC.Embedded.1/Jobs/JID_123456789012");
  });

  it("has nothing to follow after a 200 with no task", () => {
    expect(trackerOf(answer(200, { "@Message.ExtendedInfo": [{ MessageId: "Base.1.4.Success" }] }), null)).toEqual({});
  });
});

describe("refusals", () => {
  const URL = "http://127.0.0.1:9000/bios.bin";
  const refusal = (response: RedfishResponse) => refusalOf("127.0.0.1:443", response, "SimpleUpdate", URL) as UpdateRefusedError;

  it("types licence, privilege, busy and image problems, in the BMC's words", () => {
    expect(refusal(answer(403, error("SMC.1.0.OemLicenseNotPassed", "Not licensed.")))).toMatchObject({ reason: "licence_required", status: 403 });
    expect(refusal(answer(403, error("Base.1.12.InsufficientPrivilege", "There are insufficient privileges.")))).toMatchObject({ reason: "forbidden" });
    expect(refusal(answer(409, error("Base.1.12.ResourceInUse", "In use.")))).toMatchObject({ reason: "busy", retryable: true });
    expect(refusal(answer(400, error("SMC.1.0.OemFirmwareAlreadyInUpdateMode", "Already in update mode.")))).toMatchObject({ reason: "busy" });
    const unreachable = refusal(answer(400, error("Base.1.12.ActionParameterValueError", "The value for the parameter ImageURI is invalid.")));
    expect(unreachable.reason).toBe("image_unreachable");
    expect(unreachable.message).toContain(URL);
    expect(refusal(answer(400, error("Base.1.12.PropertyValueNotInList", "Bad value.")))).toMatchObject({ reason: "rejected", messageId: "PropertyValueNotInList" });
    expect(refusal(answer(405, error("Base.1.12.OperationNotAllowed", "Not allowed.")))).toMatchObject({ reason: "no_path" });
  });

  it("leaves 5xx to be retried", () => {
    const failure = refusalOf("127.0.0.1:443", answer(503, error("Base.1.12.ServiceTemporarilyUnavailable", "Retry in 30 seconds.")), "SimpleUpdate", URL);
    expect(failure).toBeInstanceOf(RedfishProtocolError);
    expect((failure as RedfishProtocolError).status).toBe(503);
  });
});
