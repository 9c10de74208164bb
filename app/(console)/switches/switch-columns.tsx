"use client";
import type { SwitchDto } from "~/server/services/switches/schemas";
import type { Column } from "../_components/data-table/data-table";
import { ModelCell, orDash, PoolCell } from "../_components/inventory-cells";

/** The columns every switch table shares; the pool column where wanted. */
export function switchColumns({ poolName, withPool = true }: { poolName: (id: number) => string; withPool?: boolean }): Column<SwitchDto>[] {
  return [
    { header: "Name", sortKey: "name", cell: (s) => <span className="font-medium whitespace-nowrap">{s.name}</span> },
    { header: "Model", sortKey: "model", cell: (s) => <ModelCell model={s.model} manufacturer={s.manufacturer} /> },
    { header: "Serial", sortKey: "serial_number", cell: (s) => <span className="font-mono text-xs">{orDash(s.serial_number)}</span> },
    { header: "Management", sortKey: "management_ip", cell: (s) => <span className="font-mono text-xs">{orDash(s.management_ip)}</span> },
    { header: "Ports", sortKey: "port_count", cell: (s) => orDash(s.port_count), className: "tabular-nums" },
    ...(withPool ? [{ header: "Pool", sortKey: "resource_pool__name", cell: (s: SwitchDto) => <PoolCell poolId={s.resource_pool} name={poolName} /> }] : []),
  ];
}
