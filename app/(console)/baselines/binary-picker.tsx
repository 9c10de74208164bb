"use client";
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { FirmwareBinaryDto } from "~/server/services/firmware/schemas";
import { useTRPC } from "../../_trpc/client";
import { toListPage } from "../_components/data-table/data-table";
import { FilterText } from "../_components/data-table/filter-controls";
import { firmwareTypeLabel } from "../firmware/firmware-types";

const SHOWN = 50;

/** Picks catalog binaries for a baseline, narrowed server-side by manufacturer and model. */
export function BinaryPicker({ selected, onChange, errors }: { selected: number[]; onChange: (ids: number[]) => void; errors?: string[] }) {
  const trpc = useTRPC();
  const [filters, setFilters] = useState({ search: "", manufacturer: "", model: "" });
  const query = { page: "1", page_size: String(SHOWN), ordering: "manufacturer,firmware_type,name,version", ...filters };
  const list = useQuery({ ...trpc.firmware.list.queryOptions(query), placeholderData: keepPreviousData });
  const page = toListPage(list.data);
  const shown = page?.results ?? [];
  // Selected binaries the filters hide are still named, so nothing is removed unseen.
  const hiddenIds = selected.filter((id) => !shown.some((binary) => binary.id === id));
  const hidden = useQueries({ queries: hiddenIds.map((id) => trpc.firmware.get.queryOptions({ id })) });
  const toggle = (id: number, on: boolean) => onChange(on ? [...selected, id] : selected.filter((other) => other !== id));
  const filter = (name: keyof typeof filters) => (value: string) => setFilters((current) => ({ ...current, [name]: value }));

  return (
    <fieldset aria-describedby={errors?.length ? "binary-picker-error" : undefined}>
      <legend className="mb-1 font-medium">Firmware binaries</legend>
      <div className="mb-2 flex gap-2">
        <FilterText label="Search binaries" placeholder="Search…" value="" className="min-w-0 flex-1" onChange={filter("search")} />
        <FilterText label="Manufacturer" value="" className="min-w-0 flex-1" onChange={filter("manufacturer")} />
        <FilterText label="Model" value="" className="min-w-0 flex-1" onChange={filter("model")} />
      </div>
      <ul className="h-52 divide-y divide-zinc-100 overflow-y-auto rounded-md border border-zinc-300 dark:divide-zinc-800 dark:border-zinc-700" aria-busy={list.isFetching}>
        {shown.map((binary) => (
          <li key={binary.id}>
            <label className="flex cursor-pointer items-center gap-2 px-2 py-1.5 hover:bg-zinc-50 dark:hover:bg-zinc-800/60">
              <input type="checkbox" checked={selected.includes(binary.id)} onChange={(e) => toggle(binary.id, e.target.checked)} />
              <BinaryLabel binary={binary} />
            </label>
          </li>
        ))}
        {page && shown.length === 0 && <li className="p-3 text-center text-zinc-500">{filters.search || filters.manufacturer || filters.model ? "No binary matches these filters." : "The catalog is empty — register firmware first."}</li>}
      </ul>
      <p className="mt-1 flex justify-between text-xs text-zinc-500" aria-live="polite">
        <span>{selected.length} selected</span>
        <span>{page && page.count > shown.length ? `Showing ${shown.length} of ${page.count}: narrow with the filters` : "\u00a0"}</span>
      </p>
      {hiddenIds.length > 0 && (
        <ul aria-label="Selected binaries hidden by the filters" className="mt-1 flex flex-wrap gap-1">
          {hiddenIds.map((id, index) => {
            const binary = hidden[index]?.data;
            return (
              <li key={id} className="inline-flex items-center gap-1 rounded bg-zinc-100 px-2 py-0.5 text-xs dark:bg-zinc-800">
                {binary ? `${binary.name} ${binary.version}` : `#${id}`}
                <button type="button" className="px-1 text-zinc-500 hover:text-red-700" aria-label={`Remove ${binary?.name ?? `#${id}`}`} onClick={() => toggle(id, false)}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {errors?.length ? (
        <p id="binary-picker-error" className="mt-1 text-red-700 dark:text-red-400">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

function BinaryLabel({ binary }: { binary: FirmwareBinaryDto }) {
  return (
    <span className="grid flex-1 grid-cols-[1fr_auto] gap-x-2">
      <span className="truncate font-medium">{binary.name}</span>
      <span className="text-xs whitespace-nowrap text-zinc-500">
        {firmwareTypeLabel(binary.firmware_type)} <span className="font-mono">{binary.version}</span>
      </span>
      <span className="col-span-2 truncate text-xs text-zinc-500">
        {binary.manufacturer}
        {binary.models.length ? ` · ${binary.models.join(", ")}` : ""}
      </span>
    </span>
  );
}
