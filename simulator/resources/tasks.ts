import type { TaskRecord } from "../bmc/tasks";
import { ok, type Reply, type RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import { collection, enabled, isoNow, missing, resource } from "./odata";
import { link, odataId, pathsOf, type Paths } from "./paths";

export function taskBody(ctx: RequestContext, task: TaskRecord) {
  const { bmc } = ctx;
  const { profile } = bmc;
  const paths = pathsOf(profile);
  return resource(ctx, "Task", `${paths.tasks}/${task.id}`, {
    Id: task.id,
    Name: task.name ?? `Task ${task.id}`,
    TaskState: task.state,
    TaskStatus: task.phase === "failed" ? "Critical" : "OK",
    PercentComplete: task.percent,
    StartTime: task.startTime.toISOString(),
    EndTime: task.endTime?.toISOString(),
    Messages: task.messages,
    TaskMonitor: task.monitorPath && odataId(bmc, task.monitorPath),
    Payload: {
      TargetUri: odataId(bmc, task.targetUri),
      HttpOperation: "POST",
      ...(task.kind === "SimpleUpdate" && { JsonBody: JSON.stringify({ ImageURI: task.imageUri }) }),
    },
    Oem: profile.taskOem?.(task),
  });
}

/** DSP0266 task monitor: 202 while running; once finished, vendors differ in what stays readable. */
function monitor(ctx: RequestContext): Reply {
  const { bmc } = ctx;
  const task = bmc.taskStore.byMonitor(ctx.path);
  if (!task || task.monitorGone || task.purged) return missing(ctx);
  if (!task.finished) {
    return { status: 202, body: taskBody(ctx, task), headers: { Location: odataId(bmc, ctx.path), "Retry-After": "1" } };
  }
  const policy = bmc.profile.tasks.monitor?.policy;
  if (policy === "gone-after-read" || policy === "no-content-once") task.monitorGone = true;
  if (policy === "delete-task-after-read") bmc.taskStore.delete(task.id);
  return policy === "no-content-once" ? { status: 204 } : ok(taskBody(ctx, task));
}

export function taskRoutes(paths: Paths, monitorPattern: string | undefined): Route[] {
  const routes: Route[] = [
    {
      method: "GET",
      pattern: paths.taskService,
      handler: (ctx) =>
        ok(
          resource(ctx, "TaskService", paths.taskService, {
            Id: "TaskService",
            Name: "Task Service",
            ServiceEnabled: true,
            DateTime: isoNow(),
            CompletedTaskOverWritePolicy: "Oldest",
            LifeCycleEventOnTaskStateChange: true,
            Status: enabled,
            Tasks: link(ctx.bmc, paths.tasks),
          }),
        ),
    },
    {
      method: "GET",
      pattern: paths.tasks,
      handler: (ctx) => {
        const members = ctx.bmc.taskStore.visible().map((task) => `${paths.tasks}/${task.id}`);
        return ok(collection(ctx, "Task", paths.tasks, "Task Collection", members));
      },
    },
    {
      method: "GET",
      pattern: `${paths.tasks}/:id`,
      handler: (ctx) => {
        const task = ctx.bmc.taskStore.get(ctx.params.id);
        return task && !task.purged ? ok(taskBody(ctx, task)) : missing(ctx);
      },
    },
  ];
  if (monitorPattern) routes.push({ method: "GET", pattern: monitorPattern, handler: monitor });
  return routes;
}
