import path from "node:path";
import postgres from "postgres";
import { migrateDatabase } from "../migrate";
import { APP_ROLE, startEmbeddedPostgres } from "./embedded";
import { clusterLocation } from "./location";
import { forgetOwner, recordOwner, runningOwner, stopOrphan } from "./orphan";

export type DatabaseHandle = { url: string; embedded: boolean; clusterDir?: string; stop: () => Promise<void> };

export type BootstrapOptions = {
  /** Rackpilot's data dir; the cluster lives in `<dataDir>/pg` unless `pgDir` says otherwise. */
  dataDir: string;
  pgDir?: string;
  log: (line: string) => void;
  /** Print the cluster's own log lines too. */
  verbose?: boolean;
};

/**
 * Uses DATABASE_URL when set; otherwise starts the embedded PostgreSQL (or shares the one another live
 * Rackpilot process runs, or stops one a dead process left behind). Either way the schema is migrated
 * before this returns, and the URL is the application role's.
 */
export async function bootstrapDatabase({ dataDir, pgDir, log, verbose }: BootstrapOptions): Promise<DatabaseHandle> {
  const external = process.env.DATABASE_URL;
  if (external) {
    await migrateDatabase(external);
    return { url: external, embedded: false, stop: async () => {} };
  }
  const location = clusterLocation(pgDir ?? path.join(dataDir, "pg"));
  if (location.moved) log(`Embedded PostgreSQL cluster: ${location.dir} (as root it runs as the postgres user, which cannot reach ${path.resolve(dataDir)}; set RACKPILOT_PG_DIR to choose another place)`);
  const shared = runningOwner(location.dir);
  if (shared) return { url: shared.url, embedded: true, clusterDir: location.dir, stop: async () => {} };
  await stopOrphan(location.dir, log);

  const cluster = await startEmbeddedPostgres({ dataDir: location.dir, persistent: true, log: verbose ? log : undefined });
  await createDatabaseIfMissing(cluster.adminUrl("postgres"), "rackpilot");
  const url = cluster.appUrl("rackpilot");
  await migrateDatabase(url);
  recordOwner(location.dir, url);
  return {
    url,
    embedded: true,
    clusterDir: location.dir,
    stop: async () => {
      forgetOwner(location.dir);
      await cluster.stop();
    },
  };
}

/** The application's database, owned by its role (so migrations can create schemas and collations in it). */
async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 from pg_database where datname = ${name}`;
    if (!row) await sql.unsafe(`create database "${name}" owner ${APP_ROLE}`);
    // A database made by an older Rackpilot belongs to the superuser: hand it (and what is in it) over.
    else await handOver(adminUrl.replace(/\/postgres$/, `/${name}`), name);
  } finally {
    await sql.end();
  }
}

// Schemas, relations (sequences follow their tables), routines and collations the superuser made in
// the application's schemas. REASSIGN OWNED cannot do this: the bootstrap superuser also owns the system.
const HAND_OVER = `
do $$
declare item record;
begin
  for item in select nspname from pg_namespace where nspowner = 'postgres'::regrole and nspname not like 'pg\\_%' and nspname not in ('information_schema', 'public') loop
    execute format('alter schema %I owner to ${APP_ROLE}', item.nspname);
  end loop;
  for item in select c.oid::regclass as name, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relowner = 'postgres'::regrole and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
        and c.relkind in ('r', 'p', 'v', 'm', 'f', 'c', 'S')
        and not exists (select 1 from pg_depend d where d.objid = c.oid and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')) loop
    execute format(case when item.relkind = 'c' then 'alter type %s owner to ${APP_ROLE}' else 'alter table %s owner to ${APP_ROLE}' end, item.name);
  end loop;
  for item in select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.proowner = 'postgres'::regrole and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema' loop
    execute format('alter routine %s owner to ${APP_ROLE}', item.name);
  end loop;
  for item in select c.oid::regcollation as name from pg_collation c join pg_namespace n on n.oid = c.collnamespace
      where c.collowner = 'postgres'::regrole and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema' loop
    execute format('alter collation %s owner to ${APP_ROLE}', item.name);
  end loop;
end $$`;

async function handOver(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`alter database "${name}" owner to ${APP_ROLE}`);
    await sql.unsafe(HAND_OVER);
  } finally {
    await sql.end();
  }
}
