"use client";
import Link from "next/link";
import type { ServerDto } from "~/server/services/servers/schemas";
import type { Column } from "../_components/data-table/data-table";
import { ProtectedToggle } from "./protected-toggle";

const muted = (text: string) => (text ? text : <span className="text-zinc-500">—</span>);

/** The columns every server table shares; `pool` names a pool id (null when unassigned). */
export function serverColumns({ poolName, withPool = true, withProtected = true }: { poolName: (id: number) => string; withPool?: boolean; withProtected?: boolean }): Column<ServerDto>[] {
  const columns: Column<ServerDto>[] = [
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
    { header: "Power", sortKey: "power_state", cell: (s) => muted(s.power_state) },
    { header: "BIOS", sortKey: "bios_version", cell: (s) => <span className="font-mono text-xs">{muted(s.bios_version)}</span> },
    { header: "BMC", cell: (s) => (s.bmc_url ? <span className="font-mono text-xs">{s.bmc_url.replace(/^https:\/\//, "")}</span> : muted("")) },
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
  if (withProtected) columns.push({ header: "Protected", sortKey: "protected", cell: (s) => <ProtectedToggle server={s} /> });
  return columns;
}
