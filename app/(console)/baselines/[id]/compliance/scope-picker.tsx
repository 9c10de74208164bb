"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../../../_trpc/client";
import { toListPage } from "../../../_components/data-table/data-table";
import { poolTreeRows } from "../../../pools/pool-tree";

export type Scope = { pool?: string; server?: string };
type Kind = "compatible" | "pool" | "server";

const kindOf = (scope: Scope): Kind => (scope.server ? "server" : scope.pool ? "pool" : "compatible");

/** Every compatible server, a pool (with its sub-pools) or one server. */
export function ScopePicker({ scope, onChange }: { scope: Scope; onChange: (scope: Scope) => void }) {
  const [kind, setKind] = useState<Kind>(kindOf(scope));
  const choose = (next: Kind) => {
    setKind(next);
    if (next === "compatible") onChange({});
  };
  const option = (value: Kind, label: string) => (
    <label className="flex items-center gap-1.5">
      <input type="radio" name="compliance-scope" value={value} checked={kind === value} onChange={() => choose(value)} />
      {label}
    </label>
  );
  return (
    <fieldset className="flex flex-wrap items-center gap-x-5 gap-y-2 rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <legend className="sr-only">Scope</legend>
      <span className="font-medium">Scope</span>
      {option("compatible", "Every compatible server")}
      {option("pool", "A pool")}
      {option("server", "One server")}
      {kind === "pool" && <PoolSelect value={scope.pool} onChange={(pool) => onChange({ pool })} />}
      {kind === "server" && <ServerSelect value={scope.server} onChange={(server) => onChange({ server })} />}
    </fieldset>
  );
}

function PoolSelect({ value, onChange }: { value?: string; onChange: (pool: string) => void }) {
  const trpc = useTRPC();
  const pools = useQuery(trpc.pools.list.queryOptions({ page: "1", page_size: "1000", ordering: "name" }));
  const rows = poolTreeRows(toListPage(pools.data)?.results ?? [], "all");
  return (
    <select aria-label="Pool" className="input w-auto" value={value ?? ""} onChange={(event) => onChange(event.target.value)}>
      <option value="" disabled>
        {pools.isLoading ? "Loading pools…" : rows.length ? "Choose a pool (sub-pools included)" : "No pools yet"}
      </option>
      {rows.map((row) => (
        <option key={row.id} value={row.id}>
          {"\u00a0\u00a0\u00a0".repeat(row.depth)}
          {row.name}
        </option>
      ))}
    </select>
  );
}

function ServerSelect({ value, onChange }: { value?: string; onChange: (server: string) => void }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const servers = useQuery(trpc.servers.list.queryOptions({ page: "1", page_size: "50", ordering: "name", search }));
  const chosen = useQuery({ ...trpc.servers.get.queryOptions({ id: Number(value) }), enabled: Boolean(value) });
  const rows = toListPage(servers.data)?.results ?? [];
  const options = chosen.data && !rows.some((row) => row.id === chosen.data.id) ? [chosen.data, ...rows] : rows;
  return (
    <span className="flex items-center gap-2">
      <input type="search" aria-label="Find a server" placeholder="Name, model, serial…" className="input w-52" onChange={(event) => setSearch(event.target.value)} />
      <select aria-label="Server" className="input w-auto" value={value ?? ""} onChange={(event) => onChange(event.target.value)}>
        <option value="" disabled>
          {toListPage(servers.data)?.count ? "Choose a server" : "No server matches"}
        </option>
        {options.map((row) => (
          <option key={row.id} value={row.id}>
            {row.name} ({row.model})
          </option>
        ))}
      </select>
    </span>
  );
}
