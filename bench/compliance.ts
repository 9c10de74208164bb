// Compliance at fleet scale: GET /api/firmware_baseline/{id}/compliance/ for a 4-binary baseline (BIOS, BMC,
// a keyword-matched storage controller, a name-matched NIC) over 10,000 servers with 10 firmware inventory
// entries each, whole and with page_size=100, against one hand-written SQL query computing the same statuses.
// The three are timed in turns, in one run, on one embedded PostgreSQL. Run: npx tsx bench/compliance.ts
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import postgres from "postgres";
import { startBenchDatabase } from "./lib/database";

const SERVERS = 10_000;
const ROUNDS = 15;
const WARMUP = 3;

const database = await startBenchDatabase("compliance");
const url = database.url;
const sql = postgres(url, { max: 2, onnotice: () => {} });

// Imported once DATABASE_URL is set: they open the application's own connection pool.
const { handleApiRequest } = await import("~/server/api/rest/handler");
const { issueToken } = await import("~/server/auth/tokens");
const { sendFetchResponse, toFetchRequest } = await import("~/server/testing/node-http");

/** Dell R750s with an iDRAC-like inventory; versions drawn so every status occurs. */
async function seedFleet(): Promise<number> {
  const [pool] = await sql`insert into pools (name, group_id) values ('Fleet', 1) returning id`;
  await sql`
    insert into servers (name, manufacturer, manufacturer_reported, model, serial_number, bios_version, bmc_firmware_version, resource_pool_id, inventory_updated_at)
    select 'r750-' || lpad(n::text, 5, '0'), 'Dell', 'Dell Inc.', 'PowerEdge R750', 'SN' || n,
      case n % 4 when 1 then '1.10.2' when 3 then '' else '1.12.2' end, case when n % 5 = 0 then '6.10.30.00' else '6.10.80.00' end, ${pool!.id}, now()
    from generate_series(1, ${SERVERS}) n`;
  await sql`
    insert into server_firmwares (server_id, inventory_id, name, version, software_id, component, state)
    select s.id, e.kind || '-' || e.software_id || '-' || e.version, e.name, e.version, e.software_id, e.component, 'Enabled'
    from servers s cross join lateral (values
      ('Installed', 'BIOS', s.bios_version, '159', 'bios'),
      ('Installed', 'Integrated Dell Remote Access Controller', s.bmc_firmware_version, '25227', 'bmc'),
      ('Installed', 'Lifecycle Controller', '6.10.80.00', '28897', 'other'),
      ('Installed', 'PERC H755 Front', case when s.id % 3 = 1 then '52.16.1-4405' else '52.21.0-4606' end, '104537', 'storage_controller'),
      ('Previous', 'PERC H755 Front', '52.14.0-3901', '104537', 'storage_controller'),
      ('Installed', 'Broadcom Adv. Dual 25Gb Ethernet - AA:BB:CC:00:' || lpad(to_hex(s.id % 256), 2, '0') || ':01', '22.00.7', '108245', 'nic'),
      ('Installed', 'Broadcom Adv. Dual 25Gb Ethernet - AA:BB:CC:00:' || lpad(to_hex(s.id % 256), 2, '0') || ':02', case when s.id % 7 = 0 then '21.85.21.92' else '22.00.7' end, '108245', 'nic'),
      ('Installed', 'Backplane 1', '4.35', '11204', 'other'),
      ('Installed', 'CPLD', '1.0.6', '27763', 'other'),
      ('Installed', 'OS Collector', '4.1', '101734', 'other')
    ) as e(kind, name, version, software_id, component)`;
  const binaries = await sql`
    insert into firmware_binaries (name, firmware_type, version, manufacturer, models, location, checksum, size)
    values ('BIOS', 'bios', '1.12.2', 'Dell', '{PowerEdge R750}', 'http://127.0.0.1:9/b', repeat('a', 64), 1),
           ('iDRAC', 'bmc', '6.10.80.00', 'Dell', '{PowerEdge R750}', 'http://127.0.0.1:9/i', repeat('b', 64), 1),
           ('PERC H755', 'storage_controller', '52.21.0-4606', 'Dell', '{PowerEdge R750}', 'http://127.0.0.1:9/p', repeat('c', 64), 1),
           ('Broadcom Adv. Dual 25Gb Ethernet', 'nic', '22.00.7', 'Dell', '{}', 'http://127.0.0.1:9/n', repeat('d', 64), 1)
    returning id`;
  const [baseline] = await sql`insert into firmware_baselines (name) values ('R750 fleet') returning id`;
  await sql`insert into firmware_baseline_binaries ${sql(binaries.map((b) => ({ baseline_id: baseline!.id, firmware_binary_id: b.id })))}`;
  await sql`analyze`;
  return baseline!.id;
}

/**
 * The same statuses written by hand for this baseline, as one would for a report: its four versions
 * inline, the inventory read in one grouped pass (the keyword types are the table's generated column).
 */
const handWritten = () => sql`
  with fleet as (
    select id, bios_version, bmc_firmware_version from servers where manufacturer = 'Dell' and lower(btrim(model)) = 'poweredge r750'
  ),
  found as (
    select server_id,
      case when bool_or(version = '52.21.0-4606') filter (where 'storage_controller' = any(keyword_types)) then '52.21.0-4606'
        else (min(array[name::text, inventory_id::text, version::text]) filter (where 'storage_controller' = any(keyword_types)))[3] end as perc,
      case when bool_or(version = '22.00.7') filter (where lower(name) like '%broadcom adv. dual 25gb ethernet%') then '22.00.7'
        else (min(array[name::text, inventory_id::text, version::text]) filter (where lower(name) like '%broadcom adv. dual 25gb ethernet%'))[3] end as nic
    from server_firmwares
    where server_id in (select id from fleet) and version <> '' and inventory_id not like 'Previous-%' and inventory_id not like 'Available-%'
      and state in ('', 'Enabled') and ('storage_controller' = any(keyword_types) or lower(name) like '%broadcom adv. dual 25gb ethernet%')
    group by server_id
  ),
  components as (
    select f.id, array[
      case when nullif(f.bios_version, '') is null then 'unknown' when f.bios_version = '1.12.2' then 'compliant' else 'non_compliant' end,
      case when nullif(f.bmc_firmware_version, '') is null then 'unknown' when f.bmc_firmware_version = '6.10.80.00' then 'compliant' else 'non_compliant' end,
      case when x.perc is null then 'unknown' when x.perc = '52.21.0-4606' then 'compliant' else 'non_compliant' end,
      case when x.nic is null then 'unknown' when x.nic = '22.00.7' then 'compliant' else 'non_compliant' end] as statuses
    from fleet f left join found x on x.server_id = f.id
  )
  select id, statuses, case when 'non_compliant' = any(statuses) then 'non_compliant' when 'unknown' = any(statuses) then 'unknown' else 'compliant' end as status
  from components`;

const baselineId = await seedFleet();
const [staff] = await sql`insert into users (username, password_hash, is_staff) values ('bench', 'unused', true) returning id`;
const token = await issueToken(staff!.id, "access");

const server = http.createServer(async (req, res) => sendFetchResponse(res, await handleApiRequest(toFetchRequest(req))));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/firmware_baseline/${baselineId}/compliance/`;
const agent = new http.Agent({ keepAlive: true });

function get(target: string): Promise<{ status: number; bytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(target, { agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          resolve({ status: response.statusCode!, bytes: Buffer.byteLength(body), body });
        });
      })
      .on("error", reject);
  });
}

// CPU time the work took, whoever else shares the machine: this process (HTTP server, handler and client)
// plus this benchmark's PostgreSQL cluster (the postmaster and its children, parallel workers included), from /proc.
const [backend] = await sql`select pg_backend_pid() as pid`;
const statFields = (pid: string) => readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
const postmaster = statFields(String(backend!.pid))[1]!;
const TICK_MS = 10; // USER_HZ is 100 on Linux
/** The postmaster's own time and that of its children, live (utime + stime) or ended (its cutime + cstime). */
function clusterCpuMs(): number {
  const own = statFields(postmaster);
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const fields = statFields(pid);
      if (fields[1] === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended while the directory was read.
    }
  }
  return ticks * TICK_MS;
}
function cpuMs(): number {
  const own = process.cpuUsage();
  return clusterCpuMs() + (own.user + own.system) / 1000;
}

type Measure = { wall: number[]; cpu: number[] };
const measures: Record<"whole" | "paged" | "sql", Measure> = { whole: { wall: [], cpu: [] }, paged: { wall: [], cpu: [] }, sql: { wall: [], cpu: [] } };
async function time(into: Measure | null, run: () => Promise<unknown>) {
  // The wall clock runs inside the CPU readings: reading /proc is the benchmark's cost, not the endpoint's.
  const cpuBefore = cpuMs();
  const started = performance.now();
  await run();
  into?.wall.push(performance.now() - started);
  into?.cpu.push(cpuMs() - cpuBefore);
}

const whole = await get(base);
const report = JSON.parse(whole.body);
const handRows = await handWritten();
const handCounts = Object.fromEntries(["compliant", "non_compliant", "unknown"].map((status) => [status, handRows.filter((r) => r.status === status).length]));
if (whole.status !== 200 || report.servers.length !== SERVERS) throw new Error(`unexpected answer: ${whole.status}, ${report.servers?.length} servers`);
for (const status of Object.keys(handCounts)) {
  if (report.summary[status] !== handCounts[status]) throw new Error(`the endpoint and the SQL disagree on ${status}: ${report.summary[status]} vs ${handCounts[status]}`);
}

const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ")[0];
const loadBefore = loadAverage();
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  const keep = round >= WARMUP;
  await time(keep ? measures.whole : null, () => get(base));
  await time(keep ? measures.paged : null, () => get(`${base}?page_size=100`));
  await time(keep ? measures.sql : null, () => handWritten());
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const [w, p, q] = [measures.whole, measures.paged, measures.sql].map((m) => ({ wall: median(m.wall), cpu: median(m.cpu) }));
console.log(`compliance of a 4-binary baseline over ${SERVERS.toLocaleString("en")} servers (10 inventory entries each; summary ${JSON.stringify(report.summary)})`);
console.log(`                                               median wall   median CPU   target`);
console.log(`  GET .../compliance/ whole (${(whole.bytes / 1024 / 1024).toFixed(1)} MiB)           ${ms(w!.wall).padStart(9)}   ${ms(w!.cpu).padStart(10)}   < 1 s`);
console.log(`  GET .../compliance/?page_size=100           ${ms(p!.wall).padStart(9)}   ${ms(p!.cpu).padStart(10)}   < 300 ms`);
console.log(`  hand-written SQL, same statuses             ${ms(q!.wall).padStart(9)}   ${ms(q!.cpu).padStart(10)}`);
console.log(`  whole / SQL: ${(w!.wall / q!.wall).toFixed(2)}x wall, ${(w!.cpu / q!.cpu).toFixed(2)}x CPU; paged / SQL: ${(p!.wall / q!.wall).toFixed(2)}x wall   (target: whole within 3x)`);
console.log(`measured: ${ROUNDS} rounds after ${WARMUP} warm-up rounds, the three taken in turn each round; HTTP over 127.0.0.1 (keep-alive)`);
console.log(`to the REST handler Next's catch-all route calls, as a staff user; embedded PostgreSQL 18; ${os.cpus().length} cores.`);
console.log(`CPU = this process plus the benchmark cluster's PostgreSQL processes (/proc, 10 ms ticks): what the work costs on an idle core.`);
console.log(`1-minute load average ${loadBefore} before and ${loadAverage()} after the timed rounds: on a shared machine wall time exceeds CPU time.`);

server.close();
agent.destroy();
await sql.end();
const { closeDb } = await import("~/db/client");
await closeDb();
await database.stop();
