"use client";

export type Selection<Row> = {
  selected: ReadonlySet<number>;
  onChange: (selected: Set<number>) => void;
  /** Names the row for its checkbox ("Select Rack 1"). */
  rowName: (row: Row) => string;
};

export function SelectAll<Row extends { id: number }>({ rows, selection, label }: { rows: Row[]; selection: Selection<Row>; label: string }) {
  const ticked = rows.filter((row) => selection.selected.has(row.id)).length;
  const toggle = () => {
    const next = new Set(selection.selected);
    for (const row of rows) (ticked === rows.length ? next.delete(row.id) : next.add(row.id));
    selection.onChange(next);
  };
  return (
    <th scope="col" className="w-8 px-3 py-2">
      <input
        type="checkbox"
        aria-label={`Select every ${label} on this page`}
        checked={rows.length > 0 && ticked === rows.length}
        ref={(box) => {
          if (box) box.indeterminate = ticked > 0 && ticked < rows.length;
        }}
        onChange={toggle}
      />
    </th>
  );
}

export function SelectRow<Row extends { id: number }>({ row, selection }: { row: Row; selection: Selection<Row> }) {
  const toggle = (checked: boolean) => {
    const next = new Set(selection.selected);
    if (checked) next.add(row.id);
    else next.delete(row.id);
    selection.onChange(next);
  };
  return (
    <td className="px-3 py-2 align-top">
      <input type="checkbox" aria-label={`Select ${selection.rowName(row)}`} checked={selection.selected.has(row.id)} onChange={(event) => toggle(event.target.checked)} />
    </td>
  );
}
