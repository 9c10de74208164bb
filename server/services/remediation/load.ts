import { eq, getTableColumns, sql } from "drizzle-orm";
import { type Database, oncePerDatabase } from "~/db/client";
import { nodes, requests, requestServers, requestSteps, servers, type RequestStepRow } from "~/db/schema";

// A server's steps come with its row, as one JSON array (keys: the row's property names), mapped back as drizzle maps columns.
const stepColumns = Object.entries(getTableColumns(requestSteps));
const stepsJson = sql<Record<string, unknown>[]>`(
  select coalesce(json_agg(json_build_object(${sql.join(
    stepColumns.map(([key, column]) => sql`${key}::text, ${column}`),
    sql`, `,
  )}) order by ${requestSteps.position}), '[]'::json)
  from ${requestSteps} where ${requestSteps.requestServerId} = ${requestServers.id})`;

function stepFromJson(json: Record<string, unknown>): RequestStepRow {
  return Object.fromEntries(stepColumns.map(([key, column]) => [key, json[key] === null ? null : column.mapFromDriverValue(json[key])])) as RequestStepRow;
}

function prepareLoad(db: Database) {
  const id = sql.placeholder("id");
  return {
    row: db
      .select({ part: requestServers, request: requests, server: servers, node: nodes, steps: stepsJson })
      .from(requestServers)
      .innerJoin(requests, eq(requests.id, requestServers.requestId))
      .innerJoin(servers, eq(servers.id, requestServers.serverId))
      .leftJoin(nodes, eq(nodes.id, servers.nodeId))
      .where(eq(requestServers.id, id))
      .prepare("remediation_load_server"),
    cancelRequested: db
      .select({ cancelRequestedAt: requests.cancelRequestedAt })
      .from(requests)
      .where(eq(requests.id, id))
      .prepare("remediation_cancel_requested"),
  };
}

// Every job starts with this read of some hundred columns (the server's steps with it), and many check for a
// cancel: built once per database handle, not per job (drizzle building SQL was the worker's largest CPU item).
const loaderOf = oncePerDatabase(prepareLoad);

/** The server's part, its request, server, node and steps (in order), in one statement. */
export async function loadServerPart(db: Database, requestServerId: number) {
  const [row] = await loaderOf(db).row.execute({ id: requestServerId });
  return row ? { ...row, steps: row.steps.map(stepFromJson) } : null;
}

export async function cancelRequested(db: Database, requestId: number): Promise<boolean> {
  const [current] = await loaderOf(db).cancelRequested.execute({ id: requestId });
  return Boolean(current?.cancelRequestedAt);
}
