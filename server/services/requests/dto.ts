import { asc, eq } from "drizzle-orm";
import type { DbExecutor } from "~/db/client";
import { requestServers, servers, type RequestRow } from "~/db/schema";
import { isoDateTime, isoDateTimeOrNull } from "~/server/lib/fields";
import type { Actor } from "../context";
import { readRequestProgress, readServerSteps } from "../remediation";
import { serverScope } from "../servers/scope";
import type { RequestDetailDto, RequestDto, RequestType } from "./schemas";
import { visibleRequestServers } from "./scope";
import { visibleData } from "./visible-data";

/** Requests as the API shows them to the actor, progress read for all of them at once. */
export async function toRequestDtos(db: DbExecutor, actor: Actor, rows: RequestRow[]): Promise<RequestDto[]> {
  const progress = await readRequestProgress(
    db,
    rows.map((row) => row.id),
    serverScope(actor),
  );
  const data = await visibleData(db, actor, rows);
  return rows.map((row) => ({
    id: row.id,
    type: row.type as RequestType,
    status: row.status as RequestDto["status"],
    data: data.get(row.id)!,
    created_by: row.createdBy,
    cancel_requested: row.cancelRequestedAt !== null,
    created_at: isoDateTime(row.createdAt),
    updated_at: isoDateTime(row.updatedAt),
    started_at: isoDateTimeOrNull(row.startedAt),
    finished_at: isoDateTimeOrNull(row.finishedAt),
    progress: progress.get(row.id)!,
  }));
}

/** A request with the servers of it the actor can see, each with its steps and the versions before and after. */
export async function toRequestDetailDto(db: DbExecutor, actor: Actor, row: RequestRow): Promise<RequestDetailDto> {
  const [dto] = await toRequestDtos(db, actor, [row]);
  const members = await db
    .select({ id: servers.id, name: servers.name })
    .from(requestServers)
    .innerJoin(servers, eq(servers.id, requestServers.serverId))
    .where(visibleRequestServers(actor, row.id))
    .orderBy(asc(servers.id));
  const steps = members.length
    ? await readServerSteps(
        db,
        row.id,
        members.map((member) => member.id),
      )
    : new Map();
  return {
    ...dto!,
    servers: members.map((member) => {
      const part = steps.get(member.id);
      return {
        server: member.id,
        server_name: member.name,
        status: part?.status ?? "pending",
        message: part?.message ?? "",
        steps: part?.steps ?? [],
        versions: part?.versions ?? { before: {}, after: {} },
      };
    }),
  };
}
