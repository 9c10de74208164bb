"use client";
import { useState } from "react";
import { DataTable, type Column, type ListPage } from "../../_components/data-table/data-table";
import type { ListParams } from "../../_components/data-table/use-list-params";
import { Dialog } from "../../_components/form/dialog";
import { errorText } from "../../_components/form/use-zod-form";

/** What assign_servers / assign_switches answer: every id given, in exactly one list. */
export type AssignReport = { assigned: number[]; already_in_pool: Array<{ pool: { id: number | null; name: string | null } } & Record<string, unknown>>; not_found: number[] };

type Props<Row extends { id: number; name: string }> = {
  title: string;
  /** "server" / "servers": the report speaks of them. */
  noun: string;
  plural: string;
  columns: Column<Row>[];
  params: ListParams;
  rows: { data: ListPage<Row> | Row[] | undefined; isLoading: boolean; error: unknown };
  assign: (ids: number[]) => Promise<AssignReport>;
  onClose: () => void;
};

/** Pick unassigned rows (several pages if need be), assign them in one call, then show what happened to each. */
export function AssignDialog<Row extends { id: number; name: string }>(props: Props<Row>) {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [names, setNames] = useState<Map<number, string>>(new Map());
  const [report, setReport] = useState<AssignReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const rows = Array.isArray(props.rows.data) ? props.rows.data : (props.rows.data?.results ?? []);
  const label = (id: number) => names.get(id) ?? `#${id}`;
  const count = (n: number, noun = props.noun, plural = props.plural) => `${n} ${n === 1 ? noun : plural}`;

  const choose = (next: Set<number>) => {
    setSelected(next);
    setNames((known) => new Map([...known, ...rows.map((row) => [row.id, row.name] as const)]));
  };
  async function submit() {
    setPending(true);
    setError(null);
    try {
      setReport(await props.assign([...selected]));
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open wide title={props.title} onClose={props.onClose}>
      {report ? (
        <div className="space-y-3" role="status" aria-label="Assignment outcome">
          <p>
            Assigned {count(report.assigned.length)}
            {report.assigned.length > 0 && `: ${report.assigned.map(label).join(", ")}`}.
          </p>
          {report.already_in_pool.length > 0 && (
            <div>
              <p>Left where they are, already in another pool:</p>
              <ul className="ml-5 list-disc">
                {report.already_in_pool.map((entry) => {
                  const id = Number(entry[props.noun]);
                  return (
                    <li key={id}>
                      {label(id)} — in {entry.pool.name ?? "a pool you cannot see"}
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
          {report.not_found.length > 0 && <p>Not found (gone meanwhile): {report.not_found.map(label).join(", ")}.</p>}
          <div className="flex justify-end">
            <button type="button" className="btn-primary" onClick={props.onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <div className="space-y-3">
          <DataTable
            label={`unassigned ${props.plural}`}
            singularLabel={`unassigned ${props.noun}`}
            columns={props.columns}
            data={props.rows.data}
            isLoading={props.rows.isLoading}
            error={errorText(props.rows.error)}
            params={props.params}
            emptyState={`No unassigned ${props.plural}: every one is in a pool already.`}
            selection={{ selected, onChange: choose, rowName: (row) => row.name }}
          />
          {error ? (
            <p role="alert" className="text-red-700 dark:text-red-400">
              {errorText(error)}
            </p>
          ) : null}
          <div className="flex items-center justify-end gap-2">
            <span className="mr-auto text-zinc-500">{count(selected.size)} selected</span>
            <button type="button" className="btn" onClick={props.onClose}>
              Cancel
            </button>
            <button type="button" className="btn-primary" disabled={selected.size === 0 || pending} onClick={submit}>
              Assign {count(selected.size)}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
