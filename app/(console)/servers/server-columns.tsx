"use client";
import Link from "next/link";
import type { ServerDto } from "~/server/services/servers/schemas";
import type { Column } from "../_components/data-table/data-table";
import { ModelCell, orDash, PoolCell } from "../_components/inventory-cells";
import { ProtectedToggle } from "./protected-toggle";

/**
 * The columns every server table shares; the pool column where wanted. Names link to the server's page,
 * except in a picker, where a click means choosing the row.
 */
export function serverColumns({ poolName, withPool = true, linkNames = true }: { poolName: (id: number) => string; withPool?: boolean; linkNames?: boolean }): Column<ServerDto>[] {
  return [
    {
      header: "Name",
      sortKey: "name",
      cell: (s) => (
        <div>
          {linkNames ? (
            <Link href={`/servers/${s.id}`} className="font-medium whitespace-nowrap text-sky-700 hover:underline dark:text-sky-400">
              {s.name}
            </Link>
          ) : (
            <span className="font-medium whitespace-nowrap">{s.name}</span>
          )}
          {s.tags.length > 0 && <div className="text-xs text-zinc-500">{s.tags.join(", ")}</div>}
        </div>
      ),
    },
    { header: "Model", sortKey: "model", cell: (s) => <ModelCell model={s.model} manufacturer={s.manufacturer} /> },
    { header: "Serial", sortKey: "serial_number", cell: (s) => <span className="font-mono text-xs">{orDash(s.serial_number)}</span> },
    { header: "Power", sortKey: "power_state", cell: (s) => orDash(s.power_state) },
    { header: "BIOS", sortKey: "bios_version", cell: (s) => <span className="font-mono text-xs">{orDash(s.bios_version)}</span> },
    { header: "BMC", cell: (s) => <span className="font-mono text-xs">{orDash(s.bmc_url?.replace(/^https:\/\//, "") ?? null)}</span> },
    ...(withPool ? [{ header: "Pool", sortKey: "resource_pool__name", cell: (s: ServerDto) => <PoolCell poolId={s.resource_pool} name={poolName} /> }] : []),
    { header: "Protected", sortKey: "protected", cell: (s) => <ProtectedToggle server={s} /> },
  ];
}
