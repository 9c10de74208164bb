"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "../../../_trpc/client";
import { toListPage } from "../../_components/data-table/data-table";
import { errorText } from "../../_components/form/use-zod-form";
import { PoolServers } from "./pool-servers";
import { PoolSwitches } from "./pool-switches";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One pool: where it sits, what it holds, and (for staff) assigning servers and switches to it. */
export function PoolDetail({ id, isStaff }: { id: number; isStaff: boolean }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.pools.get.queryOptions({ id }));
  const pools = toListPage(useQuery(trpc.pools.list.queryOptions({})).data)?.results ?? [];
  const groups = toListPage(useQuery(trpc.groups.list.queryOptions({})).data)?.results ?? [];
  const pool = detail.data;
  if (detail.error) {
    return (
      <p role="alert" className="text-red-700 dark:text-red-400">
        {errorText(detail.error)} It may have been deleted, or it belongs to a group you are not in. <Link href="/pools">Back to the pools</Link>
      </p>
    );
  }
  if (!pool) return <div className="h-24 animate-pulse rounded-lg bg-zinc-100/60 dark:bg-zinc-800/40" aria-busy />;
  const parent = pools.find((candidate) => candidate.id === pool.parent);
  const subPools = pools.filter((candidate) => pool.sub_pools.includes(candidate.id));
  const group = groups.find((candidate) => candidate.id === pool.group);

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <nav aria-label="Breadcrumb" className="text-zinc-500">
          <Link href="/pools" className="hover:underline">
            Pools
          </Link>
          {parent && (
            <>
              {" / "}
              <Link href={`/pools/${parent.id}`} className="hover:underline">
                {parent.name}
              </Link>
            </>
          )}
        </nav>
        <h1 className="text-2xl font-semibold">{pool.name}</h1>
        {pool.description && <p className="text-zinc-500">{pool.description}</p>}
        <p className="text-zinc-600 dark:text-zinc-300" data-testid="pool-counts">
          {plural(pool.servers_count, "server", "servers")} · {plural(pool.switches_count, "switch", "switches")} · group {group?.name ?? `#${pool.group}`}
        </p>
        {subPools.length > 0 && (
          <p className="text-zinc-600 dark:text-zinc-300">
            Sub-pools:{" "}
            {subPools.map((sub, index) => (
              <span key={sub.id}>
                {index > 0 && ", "}
                <Link href={`/pools/${sub.id}`} className="text-sky-700 hover:underline dark:text-sky-400">
                  {sub.name}
                </Link>{" "}
                <span className="text-zinc-500">({plural(sub.servers_count, "server", "servers")})</span>
              </span>
            ))}
          </p>
        )}
      </header>
      <PoolServers pool={pool} isStaff={isStaff} />
      <PoolSwitches pool={pool} isStaff={isStaff} />
    </div>
  );
}
