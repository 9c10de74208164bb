"use client";
import Link from "next/link";
import type { SwitchDto } from "~/server/services/switches/schemas";
import type { Column } from "../_components/data-table/data-table";

const muted = (text: string | number | null) => (text === null || text === "" ? <span className="text-zinc-500">—</span> : text);

/** The columns every switch table shares. */
export function switchColumns({ poolName, withPool = true }: { poolName: (id: number) => string; withPool?: boolean }): Column<SwitchDto>[] {
  const columns: Column<SwitchDto>[] = [
    { header: "Name", sortKey: "name", cell: (s) => <span className="font-medium">{s.name}</span> },
    {
      header: "Model",
      sortKey: "model",
      cell: (s) => (
        <div>
          {muted(s.model)}
          <div className="text-xs text-zinc-500">{s.manufacturer}</div>
        </div>
      ),
    },
    { header: "Serial", sortKey: "serial_number", cell: (s) => <span className="font-mono text-xs">{muted(s.serial_number)}</span> },
    { header: "Management", sortKey: "management_ip", cell: (s) => <span className="font-mono text-xs">{muted(s.management_ip)}</span> },
    { header: "Ports", sortKey: "port_count", cell: (s) => muted(s.port_count), className: "tabular-nums" },
  ];
  if (withPool) {
    columns.push({
      header: "Pool",
      sortKey: "resource_pool__name",
      cell: (s) =>
        s.resource_pool === null ? (
          <span className="text-zinc-500">Unassigned</span>
        ) : (
          <Link className="text-sky-700 hover:underline dark:text-sky-400" href={`/pools/${s.resource_pool}`}>
            {poolName(s.resource_pool)}
          </Link>
        ),
    });
  }
  return columns;
}
