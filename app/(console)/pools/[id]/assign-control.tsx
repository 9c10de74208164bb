"use client";
import { keepPreviousData, useQuery, type UseQueryOptions } from "@tanstack/react-query";
import { useState } from "react";
import type { Column, ListPage } from "../../_components/data-table/data-table";
import { useLocalListParams, withFilter } from "../../_components/data-table/use-list-params";
import { AssignDialog, type AssignReport } from "./assign-dialog";

type Props<Row extends { id: number; name: string }> = {
  pool: { id: number; name: string };
  noun: string;
  plural: string;
  columns: Column<Row>[];
  /** The list's query options (`trpc.servers.list.queryOptions`), asked for the unassigned ones. */
  list: (input: Record<string, string>) => object;
  assign: (ids: number[]) => Promise<AssignReport>;
};

/** The "Assign …" button and its picker over the unassigned ones (loaded only while it is open). */
export function AssignControl<Row extends { id: number; name: string }>({ pool, noun, plural, columns, list, assign }: Props<Row>) {
  const [open, setOpen] = useState(false);
  const picker = useLocalListParams(10);
  // tRPC's options carry their own error and key types, which react-query's generic options do not accept.
  const options = list(withFilter(picker.query, { resource_pool__isnull: "true" })) as UseQueryOptions<ListPage<Row> | Row[]>;
  const rows = useQuery({ ...options, enabled: open, placeholderData: keepPreviousData });
  return (
    <>
      <button type="button" className="btn-primary" onClick={() => setOpen(true)}>
        Assign {plural}
      </button>
      {open && <AssignDialog title={`Assign ${plural} to ${pool.name}`} noun={noun} plural={plural} columns={columns} params={picker} rows={rows} assign={assign} onClose={() => setOpen(false)} />}
    </>
  );
}
