"use client";
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SnapshotDto } from "~/server/services/compliance/schemas";
import { statusLabel } from "../../../_components/status-badge";

// The console's status colours (globals.css), most severe on top of the stack.
const SERIES = [
  { key: "compliant", color: "var(--color-compliant)" },
  { key: "not_applicable", color: "var(--color-not-applicable)" },
  { key: "unknown", color: "var(--color-unknown)" },
  { key: "non_compliant", color: "var(--color-non-compliant)" },
] as const;

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });

/** Servers by status at each snapshot, oldest to newest; choosing a point shows what changed at it. */
export function DriftChart({ snapshots, onSelect }: { snapshots: SnapshotDto[]; onSelect: (id: number) => void }) {
  const data = [...snapshots].reverse().map((snapshot) => ({
    id: snapshot.id,
    label: when(snapshot.taken_at),
    ...snapshot.summary,
    drifted: snapshot.changes.became_non_compliant,
    fixed: snapshot.changes.became_compliant,
  }));
  return (
    <div className="h-56 w-full" data-testid="drift-chart">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          onClick={(state) => {
            const point = data[Number(state?.activeTooltipIndex)];
            if (point) onSelect(point.id);
          }}
        >
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={24} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={48} />
          <Tooltip
            formatter={(value, name) => [value, statusLabel(String(name))]}
            labelFormatter={(label, payload) => {
              const point = payload?.[0]?.payload as (typeof data)[number] | undefined;
              return point ? `${label} — ${point.drifted} became non-compliant, ${point.fixed} became compliant` : label;
            }}
          />
          {SERIES.map((series) => (
            <Area
              key={series.key}
              type="monotone"
              dataKey={series.key}
              stackId="servers"
              stroke={series.color}
              fill={series.color}
              fillOpacity={0.35}
              dot={data.length < 30}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
