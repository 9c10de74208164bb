import { getTableColumns, sql, type WithSubquery } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import { type DbExecutor, oncePerDatabase } from "~/db/client";
import { serverFirmwares } from "~/db/schema";
import type { FirmwareRow } from "./rows";

// What an entry is written with (all but its id, its server and the computed columns): two rows equal in all of these
// are the same entry. The reported ones come as JSON `FirmwareRow`s, read with the columns' types.
const ENTRY = Object.entries(getTableColumns(serverFirmwares))
  .filter(([key, column]) => key !== "id" && key !== "serverId" && !column.generated)
  .map(([key, column]) => ({ property: sql.identifier(key), name: sql.identifier(toSnakeCase(key)), type: sql.raw(column.getSQLType()), nullable: !column.notNull }));

const names = sql.join(
  ENTRY.map((column) => column.name),
  sql`, `,
);
const record = sql.join(
  ENTRY.map((column) => sql`${column.property} ${column.type}`),
  sql`, `,
);
const asNames = sql.join(
  ENTRY.map((column) => sql`entry.${column.property} as ${column.name}`),
  sql`, `,
);
// Equal columns and the same rank among equal rows: duplicates pair off one to one (the oldest stored rows kept).
const sameEntry = sql.join(
  [sql`stored.server_id = wanted.server_id`, sql`stored.nth = wanted.nth`, ...ENTRY.map((column) => (column.nullable ? sql`stored.${column.name} is not distinct from wanted.${column.name}` : sql`stored.${column.name} = wanted.${column.name}`))],
  sql` and `,
);
const ranked = (order = sql``) => sql`row_number() over (partition by server_id, ${names} ${order}) as nth`;

/**
 * The CTEs that make the stored firmware entries of each server `targets` answers (`server_id`, and `firmwares`: the
 * entries the BMC reports now, a JSON array of `FirmwareRow`s) exactly those, as a multiset: stored rows no longer
 * reported (or reported otherwise) are deleted, reported rows not stored inserted, the rest kept with their ids. A flash
 * changes a few entries of dozens; registering again usually none. Every CTE reads the statement's snapshot: the rows
 * as they were before it.
 */
export function firmwareDiff(db: DbExecutor, targets: WithSubquery): WithSubquery[] {
  const wanted = db.$with("wanted", {}).as(
    sql`select server_id, ${names}, ${ranked()} from (
      select ${targets}.server_id, ${asNames} from ${targets} cross join lateral json_to_recordset(${targets}.firmwares) as entry(${record})
    ) as reported`,
  );
  const stored = db.$with("stored", {}).as(sql`select id, server_id, ${names}, ${ranked(sql`order by id`)} from ${serverFirmwares} where server_id in (select server_id from ${targets})`);
  const gone = db.$with("gone", {}).as(sql`delete from ${serverFirmwares} where id in (select id from ${stored} as stored where not exists (select from ${wanted} as wanted where ${sameEntry}))`);
  const added = db.$with("added", {}).as(
    sql`insert into ${serverFirmwares} (server_id, ${names}) select server_id, ${names} from ${wanted} as wanted where not exists (select from ${stored} as stored where ${sameEntry})`,
  );
  return [wanted, stored, gone, added];
}

function prepareStore(db: DbExecutor) {
  const targets = db.$with("targets", {}).as(sql`select ${sql.placeholder("serverId")}::int as server_id, ${sql.placeholder("firmwares")}::json as firmwares`);
  return db
    .with(targets, ...firmwareDiff(db, targets))
    .select({ one: sql`1` })
    .from(sql`(values (1)) as one`)
    .prepare("inventory_store_firmwares");
}

// A registration's transaction is a new handle each time: kept for the servers of one BMC, sent prepared.
const storeOf = oncePerDatabase<ReturnType<typeof prepareStore>, DbExecutor>(prepareStore);

/** Makes the server's stored firmware entries those the BMC reports now (`firmwareDiff`), in one statement. */
export async function storeFirmwares(tx: DbExecutor, serverId: number, rows: FirmwareRow[]): Promise<void> {
  // drizzle hands json parameters to the driver as text.
  await storeOf(tx).execute({ serverId, firmwares: JSON.stringify(rows) });
}
