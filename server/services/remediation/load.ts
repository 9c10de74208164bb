import { eq, getTableColumns, sql } from "drizzle-orm";
import { type Database, oncePerDatabase } from "~/db/client";
import { bmcLeases, nodes, requests, requestServers, requestSteps, servers, type RequestStepRow } from "~/db/schema";
import { type LeaseTake, preparedLeaseTake } from "../bmc-operations";
import type { Owner } from "./persist";

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
  const owns = sql`${requestServers.id} = ${id} and ${requestServers.generation} = ${sql.placeholder("generation")} and ${requestServers.status} = 'running'`;
  // The job's BMC lease, taken only while the job owns its running server (and the server has a BMC). The statement's
  // read sees the lease as it was before: its holder, when the take found the BMC busy.
  const taken = db.$with("taken").as(
    preparedLeaseTake(
      db,
      sql`${servers.nodeId}`,
      sql`'firmware request ' || ${requestServers.requestId}`,
      sql`from ${requestServers} join ${servers} on ${servers.id} = ${requestServers.serverId} where ${owns} and ${servers.nodeId} is not null`,
    ),
  );
  return {
    row: db
      .with(taken)
      .select({
        part: requestServers,
        request: requests,
        server: servers,
        node: nodes,
        steps: stepsJson,
        leaseToken: sql<string | null>`(select ${taken.token} from ${taken})`,
        holderDescription: bmcLeases.description,
        holderStartedAt: bmcLeases.startedAt,
      })
      .from(requestServers)
      .innerJoin(requests, eq(requests.id, requestServers.requestId))
      .innerJoin(servers, eq(servers.id, requestServers.serverId))
      .leftJoin(nodes, eq(nodes.id, servers.nodeId))
      .leftJoin(bmcLeases, eq(bmcLeases.nodeId, nodes.id))
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

/** The description of a remediation job's BMC lease (the opening read's take says the same in SQL). */
export const remediationLeaseDescription = (requestId: number) => `firmware request ${requestId}`;

/**
 * The server's part, its request, server, node and steps (in order), in one statement that also takes the job's BMC
 * lease (`take`) while `owner` owns the running server: `lease` is the take's answer for `leaseFromTake`.
 */
export async function loadServerPart(db: Database, owner: Owner, take: LeaseTake) {
  const [row] = await loaderOf(db).row.execute({ id: owner.requestServerId, generation: owner.generation, ...take });
  if (!row) return null;
  const { holderDescription, holderStartedAt, leaseToken, ...loaded } = row;
  const holder = holderDescription !== null && holderStartedAt !== null ? { description: holderDescription, startedAt: holderStartedAt } : null;
  return { ...loaded, steps: row.steps.map(stepFromJson), lease: { token: leaseToken, holder } };
}

export async function cancelRequested(db: Database, requestId: number): Promise<boolean> {
  const [current] = await loaderOf(db).cancelRequested.execute({ id: requestId });
  return Boolean(current?.cancelRequestedAt);
}
