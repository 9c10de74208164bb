import { sql } from "drizzle-orm";
import { requests, requestServers, servers, type RequestRow } from "~/db/schema";
import { REQUEST_STATUSES } from "~/db/schema/choices";
import type { Actor, ServiceContext } from "../context";
import { mapPage, runList, type ListConfig, type ListQuery } from "../list";
import { serverScope } from "../servers/scope";
import { toRequestDtos } from "./dto";
import { REQUEST_TYPES } from "./schemas";
import { requestScope } from "./scope";

// One map for every actor: the list helper keeps the ORDER BY it renders with it.
const REQUEST_ORDERING: ListConfig["ordering"] = {
  id: requests.id,
  created_at: requests.createdAt,
  updated_at: requests.updatedAt,
  started_at: requests.startedAt,
  finished_at: requests.finishedAt,
  status: requests.status,
  type: requests.type,
};

export function requestListConfig(actor: Actor): ListConfig {
  return {
    table: requests,
    primaryKey: requests.id,
    searchFields: [requests.type, requests.status],
    filters: {
      status: {
        kind: "choice",
        column: requests.status,
        choices: REQUEST_STATUSES,
        description: "pending, running, succeeded, failed, partially_failed or cancelled.",
      },
      type: { kind: "choice", column: requests.type, choices: REQUEST_TYPES, description: "firmware_baseline_update or firmware_update." },
      created_by: { kind: "number", column: requests.createdBy, description: "Id of the user who made the request." },
      // A server the caller cannot see is refused like one that does not exist.
      server: {
        kind: "relation",
        references: servers,
        column: requests.id,
        where: (id) => sql`exists (select 1 from ${requestServers} where ${requestServers.requestId} = ${requests.id} and ${requestServers.serverId} = ${id})`,
        visible: serverScope(actor),
        description: "Requests that include this server id.",
      },
    },
    ordering: REQUEST_ORDERING,
    // Newest first: the request just made is on top.
    defaultOrdering: ["-created_at", "-id"],
  };
}

/** For the query schema: filter names and ordering are the same for every actor. */
export const requestQueryConfig = requestListConfig({ kind: "system" });

export async function listRequests({ ctx, input }: { ctx: ServiceContext; input: ListQuery }) {
  const page = await runList<RequestRow>(requestListConfig(ctx.actor), input, { db: ctx.db, scope: requestScope(ctx.actor), requestUrl: ctx.requestUrl });
  return mapPage(page, (rows) => toRequestDtos(ctx.db, ctx.actor, rows));
}
