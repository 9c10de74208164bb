import type { TaskMessage } from "./tasks";

function message(id: string, template: string, args: string[], severity: TaskMessage["Severity"], detail?: string): TaskMessage {
  const text = args.reduce((result, arg, i) => result.replace(`%${i + 1}`, arg), template);
  return { MessageId: id, Message: detail ? `${text} ${detail}` : text, MessageArgs: args, Severity: severity };
}

/** DMTF TaskEvent and Update registry messages, as a task's `Messages`. */
export const taskMessages = {
  started: (taskId: string) => message("TaskEvent.1.0.TaskStarted", "The task with Id '%1' has started.", [taskId], "OK"),
  completed: (taskId: string) => message("TaskEvent.1.0.TaskCompletedOK", "The task with Id '%1' has completed.", [taskId], "OK"),
  aborted: (taskId: string) => message("TaskEvent.1.0.TaskAborted", "The task with Id '%1' has been aborted.", [taskId], "Critical"),
  transferFailed: (image: string, target: string, detail: string) =>
    message("Update.1.0.TransferFailed", "Transfer of image '%1' to '%2' failed.", [image, target], "Critical", detail),
  verificationFailed: (image: string, target: string, detail: string) =>
    message("Update.1.0.VerificationFailed", "Verification of image '%1' at '%2' failed.", [image, target], "Critical", detail),
  applyFailed: (image: string, target: string, detail: string) =>
    message("Update.1.0.ApplyFailed", "Installation of image '%1' to '%2' failed.", [image, target], "Critical", detail),
  installing: (image: string, target: string) =>
    message("Update.1.0.InstallingOnComponent", "Image '%1' is being installed on '%2'.", [image, target], "OK"),
  awaitActivation: (image: string, target: string) =>
    message(
      "Update.1.1.AwaitToActivate",
      "Awaiting for an action to proceed with activating image '%1' on '%2'.",
      [image, target],
      "OK",
      "The new version becomes active at the next system restart.",
    ),
  /** iDRAC's answer to an image of the version already installed (SUP029: same version installed). */
  alreadyPresent: (image: string, target: string, version: string) =>
    message(
      "IDRAC.2.8.SUP029",
      "The update package '%1' is already present on '%2': version %3 is installed, so no update was applied.",
      [image, target, version],
      "Warning",
    ),
  updated: (target: string, image: string) =>
    message("Update.1.0.UpdateSuccessful", "Device '%1' successfully updated with image '%2'.", [target, image], "OK"),
};
