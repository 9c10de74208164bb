"use client";
import { keepPreviousData, type UseQueryOptions, useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { FIRMWARE_COMPONENTS } from "~/db/schema/choices";
import { useTRPC } from "../../../_trpc/client";
import { type Column, DataTable, type ListPage } from "../../_components/data-table/data-table";
import { FilterSelect } from "../../_components/data-table/filter-controls";
import { useListParams } from "../../_components/data-table/use-list-params";
import { errorText } from "../../_components/form/use-zod-form";
import { TabNav } from "../../_components/tab-nav";
import { firmwareTypeLabel } from "../../firmware/firmware-types";
import { ethernetInterfaceColumns, firmwareColumns, processorColumns, storageColumns } from "./part-columns";

type PartRow = { id: number };
type PartTab = {
  label: string;
  /** The table's plural and singular nouns. */
  plural: string;
  singular: string;
  // Each tab's columns know their own row type; the table only needs rows with an id.
  columns: Column<never>[];
  searchPlaceholder: string;
  emptyState: string;
};

const TABS = {
  processors: {
    label: "Processors",
    plural: "processors",
    singular: "processor",
    columns: processorColumns,
    searchPlaceholder: "Search model, socket…",
    emptyState: "The BMC reported no processors: refresh the server once its host has finished POST.",
  },
  network: {
    label: "Network",
    plural: "network interfaces",
    singular: "network interface",
    columns: ethernetInterfaceColumns,
    searchPlaceholder: "Search name, MAC…",
    emptyState: "The BMC reports no ethernet interfaces for this system (some BMCs do not publish them).",
  },
  storage: {
    label: "Storage",
    plural: "storage subsystems",
    singular: "storage subsystem",
    columns: storageColumns,
    searchPlaceholder: "Search name…",
    emptyState: "The BMC reports no storage for this system.",
  },
  firmware: {
    label: "Firmware",
    plural: "firmware entries",
    singular: "firmware entry",
    columns: firmwareColumns,
    searchPlaceholder: "Search name, version, software id…",
    emptyState: "The BMC reports no firmware inventory (no UpdateService): versions come from the system and manager only.",
  },
} satisfies Record<string, PartTab>;
type TabKey = keyof typeof TABS;
const TAB_KEYS = Object.keys(TABS) as TabKey[];

const COMPONENT_FILTER = ["component"] as const;
const NO_FILTERS = [] as const;
const COMPONENT_OPTIONS = FIRMWARE_COMPONENTS.map((value) => ({ value, label: firmwareTypeLabel(value) }));

/** One tab per kind of part; the tab is in the URL, and switching tabs starts its table afresh (no search, first page). */
export function ServerParts({ serverId }: { serverId: number }) {
  const pathname = usePathname();
  const asked = useSearchParams().get("tab");
  const current = TAB_KEYS.find((key) => key === asked) ?? "processors";
  return (
    <section aria-label="Parts" className="space-y-3">
      <TabNav label="Parts" tabs={TAB_KEYS.map((key) => ({ label: TABS[key].label, href: `${pathname}?tab=${key}`, current: key === current }))} />
      {/* Keyed by tab: a table's search box keeps its own text otherwise. */}
      <PartTable key={current} tab={current} serverId={serverId} />
    </section>
  );
}

function PartTable({ tab, serverId }: { tab: TabKey; serverId: number }) {
  const trpc = useTRPC();
  const { query, update } = useListParams(tab === "firmware" ? COMPONENT_FILTER : NO_FILTERS);
  const input = { ...query, id: serverId };
  const queries: Record<TabKey, () => unknown> = {
    processors: () => trpc.servers.processors.queryOptions(input),
    network: () => trpc.servers.ethernetInterfaces.queryOptions(input),
    storage: () => trpc.servers.storages.queryOptions(input),
    firmware: () => trpc.servers.firmwares.queryOptions(input),
  };
  // tRPC's options carry their own error and key types, which react-query's generic options do not accept.
  const options = queries[tab]() as UseQueryOptions<ListPage<PartRow> | PartRow[]>;
  const parts = useQuery({ ...options, placeholderData: keepPreviousData });
  const view: PartTab = TABS[tab];
  return (
    <DataTable<PartRow>
      label={view.plural}
      singularLabel={view.singular}
      columns={view.columns as Column<PartRow>[]}
      data={parts.data}
      isLoading={parts.isLoading}
      error={errorText(parts.error)}
      searchPlaceholder={view.searchPlaceholder}
      emptyState={query.component ? "No firmware entry of this component." : view.emptyState}
      filters={
        tab === "firmware" && (
          <FilterSelect
            label="Component"
            anyLabel="Any component"
            value={query.component}
            options={COMPONENT_OPTIONS}
            onChange={(component) => update({ component })}
          />
        )
      }
    />
  );
}
