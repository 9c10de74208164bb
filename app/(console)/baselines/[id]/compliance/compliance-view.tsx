"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "../../../../_trpc/client";
import { useListParams } from "../../../_components/data-table/use-list-params";
import { errorText } from "../../../_components/form/use-zod-form";
import { PageHeader } from "../../../_components/page-header";
import { ComplianceMatrix } from "./compliance-matrix";
import { DriftPanel } from "./drift-panel";
import { RemediateButton } from "./remediate-button";
import { ScopePicker } from "./scope-picker";
import { SummaryTiles } from "./summary-tiles";

const FILTERS = ["status", "pool", "server"] as const;

/** One baseline's compliance over a scope (every compatible server, a pool, or one server), all bound to the URL. */
export function ComplianceView({ baselineId }: { baselineId: number }) {
  const trpc = useTRPC();
  const { query, update } = useListParams(FILTERS);
  const baseline = useQuery(trpc.firmwareBaselines.get.queryOptions({ id: baselineId }));
  const report = useQuery({ ...trpc.compliance.get.queryOptions({ ...query, id: baselineId }), placeholderData: keepPreviousData });
  const scope = { pool: query.pool, server: query.server };
  const [selected, setSelected] = useState<Set<number>>(new Set());

  return (
    <>
      <PageHeader
        title={baseline.data ? `Compliance: ${baseline.data.name}` : "Compliance"}
        description="What each server runs against what the baseline says it should run."
        actions={
          <div className="flex gap-2">
            <RemediateButton baselineId={baselineId} scope={scope} selected={selected} />
            <Link href="/baselines" className="btn">
              All baselines
            </Link>
          </div>
        }
      />
      {baseline.error || report.error ? (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {errorText(baseline.error ?? report.error)}
        </p>
      ) : (
        <div className="space-y-5">
          <ScopePicker scope={scope} onChange={(next) => (setSelected(new Set()), update({ pool: next.pool, server: next.server, status: undefined }))} />
          <SummaryTiles summary={report.data?.summary} status={query.status} onStatus={(status) => update({ status })} />
          <DriftPanel baselineId={baselineId} scope={scope} />
          <ComplianceMatrix baselineId={baselineId} report={report.data} isLoading={report.isLoading} query={query} update={update} selected={selected} onSelect={setSelected} />
        </div>
      )}
    </>
  );
}
