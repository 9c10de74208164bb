import { describe, expect, it } from "vitest";
import { hpeFlashProgress, taskProgress } from "./states";

const URL = "http://127.0.0.1:9000/images/bios.bin";
const message = (id: string, text: string, severity = "OK", args: string[] = []) => ({ MessageId: id, Message: text, Severity: severity, MessageArgs: args });

describe("task states", () => {
  it("maps DMTF and non-standard states to the vocabulary", () => {
    expect(taskProgress({ TaskState: "Running", PercentComplete: 40 }, URL)).toMatchObject({ state: "running", percent: 40, reported: "Running" });
    for (const state of ["New", "new", "downloading", "Downloaded", "scheduling", "Pending", "Starting"]) {
      expect(taskProgress({ TaskState: state }, URL).state).toBe("running");
    }
    expect(taskProgress({ TaskState: "scheduled" }, URL).state).toBe("scheduled");
    expect(taskProgress({ TaskState: "Completed" }, URL)).toMatchObject({ state: "completed", percent: 100 });
    expect(taskProgress({ TaskState: "Banana" }, URL)).toMatchObject({ state: "unknown", reported: "Banana" });
  });

  it("gives the BMC's reason for a failure, the critical message first", () => {
    const body = {
      TaskState: "Exception",
      TaskStatus: "Critical",
      Messages: [message("TaskEvent.1.0.TaskStarted", "The task has started."), message("Update.1.0.ApplyFailed", "Installation of image 'x' failed. Flash error.", "Critical")],
    };
    expect(taskProgress(body, URL)).toMatchObject({ state: "failed", message: "Installation of image 'x' failed. Flash error.", reason: null });
    expect(taskProgress({ TaskState: "failed" }, URL)).toMatchObject({ state: "failed", message: "the BMC reports failed and gives no reason" });
    expect(taskProgress({ TaskState: "Killed", TaskStatus: "Warning" }, URL).message).toBe("Warning");
  });

  it("names the image URL when the BMC could not download it", () => {
    const body = { TaskState: "Exception", Messages: [message("Update.1.0.TransferFailed", "Transfer of image 'bios.bin' failed. HTTP 404.", "Critical")] };
    const result = taskProgress(body, URL);
    expect(result).toMatchObject({ state: "failed", reason: "image_unreachable" });
    expect(result.message).toBe(`The BMC could not download the image from ${URL}: Transfer of image 'bios.bin' failed. HTTP 404.`);
  });

  it("reads the messages of a completed task: staged, reset required, already present, moved to a job", () => {
    const staged = { TaskState: "Completed", Messages: [message("Update.1.1.AwaitToActivate", "Awaiting for an action to proceed.")] };
    expect(taskProgress(staged, URL).state).toBe("scheduled");
    const reset = { TaskState: "Completed", Messages: [message("Base.1.8.ResetRequired", "Reset required.", "Warning", ["/redfish/v1/Systems/1", "ForceRestart"])] };
    expect(taskProgress(reset, URL)).toMatchObject({ state: "reset_required", reset: { resource: "/redfish/v1/Systems/1", type: "ForceRestart" } });
    const present = { TaskState: "Completed", Messages: [message("IDRAC.2.8.SUP029", "The firmware version is already present.")] };
    expect(taskProgress(present, URL).state).toBe("already_present");
    const moved = { TaskState: "Running", Messages: [message("Update.1.1.OperationTransitionedToJob", "Moved to a job.", "OK", ["/redfish/v1/JobService/Jobs/JID_123456789012"])] };
    expect(taskProgress(moved, URL)).toMatchObject({ state: "running", tracker: { dellJob: { id: "JID_123456789012" } } });
  });
});

describe("jobs", () => {
  it("maps Dell's JobState and its one Message, and DMTF jobs", () => {
    expect(taskProgress({ JobState: "Downloading", PercentComplete: 5, Message: "Downloading the update package." }, URL)).toMatchObject({ state: "running", percent: 5 });
    expect(taskProgress({ JobState: "Scheduled", Message: "Task successfully scheduled." }, URL).state).toBe("scheduled");
    expect(taskProgress({ JobState: "Completed", Message: "Job completed successfully." }, URL).state).toBe("completed");
    expect(taskProgress({ JobState: "Completed", Message: "Job completed, server reboot pending" }, URL).state).toBe("reset_required");
    expect(taskProgress({ JobState: "Failed", Message: "Unable to verify the update package signature." }, URL)).toMatchObject({
      state: "failed",
      message: "Unable to verify the update package signature.",
    });
    expect(taskProgress({ TaskState: "Pending", Messages: [message("Update.1.1.AwaitToActivate", "Staged.")] }, URL).state).toBe("scheduled");
    expect(taskProgress({ "@odata.type": "#Job.v1_2_0.Job", JobState: "UserIntervention" }, URL).state).toBe("unknown");
    expect(taskProgress({ "@odata.type": "#Job.v1_2_0.Job", JobState: "Completed", PercentComplete: 100 }, URL).state).toBe("completed");
  });
});

describe("HPE flash state", () => {
  it("reads iLO 4's State and ProgressPercent, for this image only", () => {
    expect(hpeFlashProgress({ State: "Progressing", ProgressPercent: 30, ImageURI: URL }, true, URL)).toMatchObject({ state: "running", percent: 30 });
    expect(hpeFlashProgress({ State: "Complete", ImageURI: URL }, true, URL).state).toBe("completed");
    expect(hpeFlashProgress({ State: "Error", ImageURI: URL, Messages: [{ MessageID: "iLO.0.10.UpdateFailed", Message: "Bad image." }] }, true, URL)).toMatchObject({
      state: "failed",
      message: "Bad image.",
    });
    expect(hpeFlashProgress({ State: "Complete", ImageURI: "http://127.0.0.1/other.bin" }, true, URL).state).toBe("unknown");
    expect(hpeFlashProgress({ State: "Idle" }, true, URL).state).toBe("unknown");
  });

  it("reads iLO 5's Oem.Hpe.State and FlashProgressPercent while a flash runs", () => {
    expect(hpeFlashProgress({ Oem: { Hpe: { State: "Writing", FlashProgressPercent: 64 } } }, false, URL)).toMatchObject({ state: "running", percent: 64 });
    // iLO 5's end states may be another flash's.
    expect(hpeFlashProgress({ Oem: { Hpe: { State: "Error", Result: "Flash failed" } } }, false, URL)).toMatchObject({ state: "unknown", reported: "Error" });
    expect(hpeFlashProgress({ Oem: { Hpe: { State: "Complete" } } }, false, URL).state).toBe("unknown");
  });
});
