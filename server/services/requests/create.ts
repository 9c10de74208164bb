import { asc, eq, inArray } from "drizzle-orm";
import { firmwareBaselineBinaries, firmwareBaselines, firmwareBinaries, requests, requestServers, servers } from "~/db/schema";
import { fitsInteger, invalidPkMessage } from "~/server/lib/fields";
import type { ServiceContext } from "../context";
import { planRemediation, remediationSettings, startRemediation, type RemediationTarget } from "../remediation";
import { toRequestDetailDto } from "./dto";
import type { BaselineUpdateData, DryRunDto, FirmwareUpdateData, RequestDetailDto, RequestType } from "./schemas";
import { assertCompatible, assertNoActiveRequest, dataError, namedServers, poolServers, type TargetServer } from "./targets";

type Binary = { id: number; name: string; storedPath: string | null };

/** What both request types resolve their body to before anything is planned or stored. */
type Submission = {
  type: RequestType;
  binaries: Pick<RemediationTarget, "baselineId" | "firmwareIds">;
  /** "baseline 3 (R750 Q1)": how refusals name what is applied. */
  what: string;
  servers: TargetServer[];
  /** `pool`: servers the binaries do not apply to are left out; `servers`: they are refused. */
  from: "servers" | "pool";
  data: (BaselineUpdateData | FirmwareUpdateData) & Record<string, unknown>;
};

const binaryColumns = { id: firmwareBinaries.id, name: firmwareBinaries.name, storedPath: firmwareBinaries.storedPath };

/** The catalog keeps its own copy of every binary (BMCs download it from Rackpilot): one without it cannot be sent. */
function assertReady(field: string, binaries: Binary[]): void {
  const notReady = binaries.find((binary) => binary.storedPath === null);
  if (notReady)
    throw dataError(
      field,
      `Firmware binary ${notReady.id} (${notReady.name}) is not ready: Rackpilot holds no copy of it to serve to the BMCs. Add it to the catalog again.`,
    );
}

/** The request as stored: what was sent, defaults filled in, without `dry_run` (a stored request is never one). */
function storedData(data: Submission["data"]): Record<string, unknown> {
  const { dry_run: _dryRun, ...stored } = data;
  return { ...stored, max_parallel: data.max_parallel ?? remediationSettings.maxParallel, stop_after_failures: data.stop_after_failures ?? null };
}

export async function createBaselineUpdate({ ctx, input }: { ctx: ServiceContext; input: { data: BaselineUpdateData } }) {
  const { data } = input;
  const [baseline] = fitsInteger(data.baseline) ? await ctx.db.select().from(firmwareBaselines).where(eq(firmwareBaselines.id, data.baseline)) : [];
  if (!baseline) throw dataError("baseline", invalidPkMessage(data.baseline));
  const what = `baseline ${baseline.id} (${baseline.name})`;
  const binaries = await ctx.db
    .select(binaryColumns)
    .from(firmwareBaselineBinaries)
    .innerJoin(firmwareBinaries, eq(firmwareBinaries.id, firmwareBaselineBinaries.firmwareBinaryId))
    .where(eq(firmwareBaselineBinaries.baselineId, baseline.id));
  if (!binaries.length) throw dataError("baseline", `The ${what} has no firmware binaries defined: add binaries to it first.`);
  assertReady("baseline", binaries);
  const hasServers = (data.servers?.length ?? 0) > 0;
  const hasPool = data.pool !== undefined && data.pool !== null;
  if (!hasServers && !hasPool) throw dataError("non_field_errors", "Either servers or pool must be provided.");
  if (hasServers && hasPool) throw dataError("non_field_errors", "Give either servers or pool, not both.");
  const targets = hasPool ? await poolServers(ctx, data.pool!) : await namedServers(ctx, data.servers!);
  return submit(ctx, {
    type: "firmware_baseline_update",
    binaries: { baselineId: baseline.id },
    what,
    servers: targets,
    from: hasPool ? "pool" : "servers",
    data,
  });
}

export async function createFirmwareUpdate({ ctx, input }: { ctx: ServiceContext; input: { data: FirmwareUpdateData } }) {
  const { data } = input;
  const [binary] = fitsInteger(data.firmware) ? await ctx.db.select(binaryColumns).from(firmwareBinaries).where(eq(firmwareBinaries.id, data.firmware)) : [];
  if (!binary) throw dataError("firmware", invalidPkMessage(data.firmware));
  assertReady("firmware", [binary]);
  if (!data.servers.length) throw dataError("servers", "This list may not be empty.");
  const targets = await namedServers(ctx, data.servers);
  return submit(ctx, {
    type: "firmware_update",
    binaries: { firmwareIds: [binary.id] },
    what: `firmware ${binary.id} (${binary.name})`,
    servers: targets,
    from: "servers",
    data,
  });
}

/** Plans the request, then answers the plan (dry run) or stores the request and hands it to the engine. */
async function submit(ctx: ServiceContext, submission: Submission): Promise<RequestDetailDto | DryRunDto> {
  const { data } = submission;
  const target = (serverIds: number[]): RemediationTarget => ({
    type: submission.type,
    ...submission.binaries,
    serverIds,
    forceReinstall: data.force_reinstall,
    forceUpdates: data.force_updates,
    applyTime: data.apply_time,
  });
  let plan = await planRemediation(ctx.db, target(submission.servers.map((server) => server.id)));
  const compatible = new Set(plan.filter((server) => server.compatible).map((server) => server.server_id));
  const incompatible = submission.servers.filter((server) => !compatible.has(server.id));
  if (submission.from === "servers") assertCompatible(incompatible, submission.what);
  else if (!compatible.size) throw dataError("pool", `No server in the pool is compatible with any firmware in ${submission.what}.`);
  const targets = submission.servers.filter((server) => compatible.has(server.id));
  plan = plan.filter((server) => server.compatible);
  await assertNoActiveRequest(ctx, submission.from, targets);
  const stored = storedData(data);
  if (data.dry_run) {
    return { dry_run: true, type: submission.type, data: stored, servers: plan.map(({ compatible: _compatible, ...server }) => server) };
  }
  return ctx.db.transaction(async (tx) => {
    const ids = targets.map((server) => server.id);
    // Serialises requests over the same servers, so two cannot both pass the active-request check.
    await tx.select({ id: servers.id }).from(servers).where(inArray(servers.id, ids)).orderBy(asc(servers.id)).for("update");
    await assertNoActiveRequest({ ...ctx, db: tx }, submission.from, targets);
    const createdBy = ctx.actor.kind === "user" ? ctx.actor.userId : null;
    const [request] = await tx.insert(requests).values({ type: submission.type, status: "pending", data: stored, createdBy }).returning();
    await tx.insert(requestServers).values(ids.map((serverId) => ({ requestId: request!.id, serverId })));
    await startRemediation(tx, request!.id);
    return toRequestDetailDto(tx, ctx.actor, request!);
  });
}
