"use client";
import type { ServerDto } from "~/server/services/servers/schemas";
import type { Column } from "../_components/data-table/data-table";
import { ModelCell, orDash, PoolCell } from "../_components/inventory-cells";
import { ProtectedToggle } from "./protected-toggle";

/** The columns every server table shares; the pool column and the protected switch where wanted. */
export function serverColumns({ poolName, withPool = true }: { poolName: (id: number) => string; withPool?: boolean }): Column<ServerDto>[] {
  return [
    {
      header: "Name",
      sortKey: "name",
      cell: (s) => (
        <div>
          <span className="font-medium whitespace-nowrap">{s.name}</span>
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
