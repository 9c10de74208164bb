"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "../../_trpc/client";
import { toListPage } from "./data-table/data-table";
import { withFilter } from "./data-table/use-list-params";

const ONE_ROW = { page: "1", page_size: "1" };

function Count({ label, href, value }: { label: string; href: string; value: number | undefined }) {
  return (
    <Link href={href} className="block rounded-lg border border-zinc-200 bg-white p-4 hover:border-sky-600 dark:border-zinc-800 dark:bg-zinc-900">
      <span className="block text-2xl font-semibold tabular-nums">{value ?? "\u00a0"}</span>
      <span className="text-zinc-500">{label}</span>
    </Link>
  );
}

/** What the user can reach, as the API scopes it: staff see the fleet, anyone else their groups' pools. */
export function FleetSummary({ isStaff }: { isStaff: boolean }) {
  const trpc = useTRPC();
  const pools = toListPage(useQuery(trpc.pools.list.queryOptions({ ordering: "name" })).data);
  const servers = toListPage(useQuery(trpc.servers.list.queryOptions(ONE_ROW)).data);
  const switches = toListPage(useQuery(trpc.switches.list.queryOptions(ONE_ROW)).data);
  const unassigned = toListPage(useQuery({ ...trpc.servers.list.queryOptions(withFilter(ONE_ROW, { resource_pool__isnull: "true" })), enabled: isStaff }).data);
  const topLevel = pools?.results.filter((pool) => pool.parent === null) ?? [];
  return (
    <section aria-labelledby="fleet" className="space-y-3">
      <h2 id="fleet" className="text-lg font-semibold">
        {isStaff ? "The fleet" : "Your pools"}
      </h2>
      <div className="grid gap-3 sm:grid-cols-4">
        <Count label="pools" href="/pools" value={pools?.count} />
        <Count label="servers" href="/servers" value={servers?.count} />
        <Count label="switches" href="/switches" value={switches?.count} />
        {isStaff && <Count label="servers in no pool" href="/servers?resource_pool__isnull=true" value={unassigned?.count} />}
      </div>
      {pools && topLevel.length === 0 && (
        <p className="text-zinc-500">{isStaff ? "No pools yet — create one per team, environment or rack row." : "You are in no group with a pool yet — ask a staff user."}</p>
      )}
      {topLevel.length > 0 && (
        <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900" aria-label="Top-level pools">
          {topLevel.map((pool) => (
            <li key={pool.id} className="flex justify-between px-4 py-2">
              <Link href={`/pools/${pool.id}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                {pool.name}
              </Link>
              <span className="text-zinc-500 tabular-nums">
                {pool.servers_count} servers · {pool.switches_count} switches{pool.sub_pools.length > 0 && ` · ${pool.sub_pools.length} sub-pools`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
