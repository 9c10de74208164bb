"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { FIRMWARE_COMPONENTS } from "~/db/schema/choices";
import { useTRPC } from "../../../_trpc/client";
import { DataTable } from "../../_components/data-table/data-table";
import { FilterSelect } from "../../_components/data-table/filter-controls";
import { useListParams } from "../../_components/data-table/use-list-params";
import { errorText } from "../../_components/form/use-zod-form";
import { TabNav } from "../../_components/tab-nav";
import { firmwareTypeLabel } from "../../firmware/firmware-types";
import { ethernetInterfaceColumns, firmwareColumns, processorColumns, storageColumns } from "./part-columns";

const TABS = [
  { key: "processors", label: "Processors" },
  { key: "network", label: "Network" },
  { key: "storage", label: "Storage" },
  { key: "firmware", label: "Firmware" },
] as const;
type TabKey = (typeof TABS)[number]["key"];

const COMPONENT_FILTER = ["component"] as const;
const NO_FILTERS = [] as const;
const COMPONENT_OPTIONS = FIRMWARE_COMPONENTS.map((value) => ({ value, label: firmwareTypeLabel(value) }));

/** One tab per kind of part; the tab is in the URL, and switching tabs starts its table afresh (no search, first page). */
export function ServerParts({ serverId }: { serverId: number }) {
  const pathname = usePathname();
  const asked = useSearchParams().get("tab");
  const current: TabKey = TABS.find((tab) => tab.key === asked)?.key ?? "processors";
  return (
    <section aria-label="Parts" className="space-y-3">
      <TabNav label="Parts" tabs={TABS.map((tab) => ({ label: tab.label, href: `${pathname}?tab=${tab.key}`, current: tab.key === current }))} />
      {/* Keyed by tab: a table's search box keeps its own text otherwise. */}
      <PartTable key={current} tab={current} serverId={serverId} />
    </section>
  );
}

function PartTable({ tab, serverId }: { tab: TabKey; serverId: number }) {
  const trpc = useTRPC();
  const { query, update } = useListParams(tab === "firmware" ? COMPONENT_FILTER : NO_FILTERS);
  const input = { ...query, id: serverId };
  const live = { placeholderData: keepPreviousData };
  const processors = useQuery({ ...trpc.servers.processors.queryOptions(input), ...live, enabled: tab === "processors" });
  const nics = useQuery({ ...trpc.servers.ethernetInterfaces.queryOptions(input), ...live, enabled: tab === "network" });
  const storages = useQuery({ ...trpc.servers.storages.queryOptions(input), ...live, enabled: tab === "storage" });
  const firmwares = useQuery({ ...trpc.servers.firmwares.queryOptions(input), ...live, enabled: tab === "firmware" });
  const common = (list: { isLoading: boolean; error: unknown }) => ({ isLoading: list.isLoading, error: errorText(list.error) });

  switch (tab) {
    case "processors":
      return (
        <DataTable
          label="processors"
          singularLabel="processor"
          columns={processorColumns}
          data={processors.data}
          {...common(processors)}
          searchPlaceholder="Search model, socket…"
          emptyState="The BMC reported no processors: refresh the server once its host has finished POST."
        />
      );
    case "network":
      return (
        <DataTable
          label="network interfaces"
          singularLabel="network interface"
          columns={ethernetInterfaceColumns}
          data={nics.data}
          {...common(nics)}
          searchPlaceholder="Search name, MAC…"
          emptyState="The BMC reports no ethernet interfaces for this system (some BMCs do not publish them)."
        />
      );
    case "storage":
      return (
        <DataTable
          label="storage subsystems"
          singularLabel="storage subsystem"
          columns={storageColumns}
          data={storages.data}
          {...common(storages)}
          searchPlaceholder="Search name…"
          emptyState="The BMC reports no storage for this system."
        />
      );
    case "firmware":
      return (
        <DataTable
          label="firmware entries"
          singularLabel="firmware entry"
          columns={firmwareColumns}
          data={firmwares.data}
          {...common(firmwares)}
          searchPlaceholder="Search name, version, software id…"
          emptyState={
            query.component
              ? "No firmware entry of this component."
              : "The BMC reports no firmware inventory (no UpdateService): versions come from the system and manager only."
          }
          filters={
            <FilterSelect
              label="Component"
              anyLabel="Any component"
              value={query.component}
              options={COMPONENT_OPTIONS}
              onChange={(component) => update({ component })}
            />
          }
        />
      );
  }
}
