"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, type ReactNode } from "react";
import type { ServerDto } from "~/server/services/servers/schemas";
import { useTRPC } from "../../../_trpc/client";
import { formatDateTime } from "../../_components/format";
import { orDash, PoolCell } from "../../_components/inventory-cells";
import { StatusBadge } from "../../_components/status-badge";
import { usePoolNames } from "../use-pool-names";

/** A framed group of label/value pairs, in the order given. */
function Facts({ title, facts }: { title: string; facts: Record<string, ReactNode> }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id={id} className="mb-2 font-medium">
        {title}
      </h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {Object.entries(facts).map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-zinc-500">{label}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const mono = (value: string) => <span className="font-mono text-xs">{orDash(value)}</span>;

/** The BMC that manages the server: its address, and the node's status when the user may see the node. */
function BmcFacts({ server }: { server: ServerDto }) {
  const trpc = useTRPC();
  const node = useQuery({ ...trpc.nodes.get.queryOptions({ id: server.node ?? 0 }), enabled: server.node !== null, retry: false }).data;
  return (
    <Facts
      title="BMC"
      facts={{
        Address: node ? (
          <Link href={`/discovery/nodes?search=${encodeURIComponent(node.ip)}`} className="font-mono text-xs text-sky-700 hover:underline dark:text-sky-400">
            {node.url}
          </Link>
        ) : (
          mono(server.bmc_url ?? "")
        ),
        Node: node ? <StatusBadge status={node.status} /> : orDash(server.node === null ? null : `#${server.node}`),
        Vendor: orDash(node ? [node.vendor, node.product].filter(Boolean).join(" · ") : null),
        Firmware: mono(server.bmc_firmware_version),
      }}
    />
  );
}

/** Everything the servers table has no room for, grouped as an operator reads it. */
export function ServerInventory({ server }: { server: ServerDto }) {
  const { poolName } = usePoolNames();
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
      <Facts
        title="Identity"
        facts={{
          Manufacturer:
            server.manufacturer_reported && server.manufacturer_reported !== server.manufacturer
              ? `${server.manufacturer} (${server.manufacturer_reported})`
              : orDash(server.manufacturer),
          Model: orDash(server.model),
          SKU: mono(server.sku),
          Serial: mono(server.serial_number),
          UUID: mono(server.uuid),
          "Host name": orDash(server.hostname),
        }}
      />
      <BmcFacts server={server} />
      <Facts
        title="Hardware"
        facts={{
          Power: orDash(server.power_state),
          Processors:
            server.processor_count === null ? orDash(server.processor_model) : `${server.processor_count} × ${server.processor_model || "unknown model"}`,
          Memory: orDash(server.memory_gib === null ? null : `${server.memory_gib} GiB`),
          BIOS: mono(server.bios_version),
          "Inventory read": server.inventory_updated_at ? formatDateTime(server.inventory_updated_at) : <span className="text-zinc-500">never</span>,
        }}
      />
      <Facts
        title="Placement"
        facts={{
          Pool: <PoolCell poolId={server.resource_pool} name={poolName} />,
          Protected: server.protected ? "Yes: pool-wide remediation skips it" : "No",
          Tags: orDash(server.tags.join(", ")),
          Notes: orDash(server.description),
        }}
      />
    </div>
  );
}
