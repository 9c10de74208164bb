"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "../../../_trpc/client";
import { errorText } from "../../_components/form/use-zod-form";
import { RefreshButton } from "./refresh-button";
import { ServerInventory } from "./server-inventory";
import { ServerParts } from "./server-parts";

/** One server: its inventory as last read from the BMC, its parts by kind, and (staff) a refresh from the BMC. */
export function ServerDetail({ id, isStaff }: { id: number; isStaff: boolean }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.servers.get.queryOptions({ id }));
  const server = detail.data;
  if (detail.error) {
    return (
      <p role="alert" className="text-red-700 dark:text-red-400">
        {errorText(detail.error)} It may have been forgotten, or it is in a pool of a group you are not in. <Link href="/servers">Back to the servers</Link>
      </p>
    );
  }
  if (!server) return <div className="h-24 animate-pulse rounded-lg bg-zinc-100/60 dark:bg-zinc-800/40" aria-busy />;

  return (
    <div className="space-y-6">
      <header className="flex items-start justify-between gap-4">
        <div className="space-y-1">
          <nav aria-label="Breadcrumb" className="text-zinc-500">
            <Link href="/servers" className="hover:underline">
              Servers
            </Link>
          </nav>
          <h1 className="text-2xl font-semibold">{server.name}</h1>
          <p className="text-zinc-500">
            {[server.manufacturer, server.model].filter(Boolean).join(" ") || "Unknown model"}
            {server.serial_number && ` · serial ${server.serial_number}`}
          </p>
        </div>
        {isStaff && <RefreshButton server={server} />}
      </header>
      <ServerInventory server={server} />
      <ServerParts serverId={server.id} />
    </div>
  );
}
