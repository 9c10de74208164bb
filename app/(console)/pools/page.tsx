import { Suspense } from "react";
import { PageHeader } from "../_components/page-header";
import { PoolsTable } from "./pools-table";

export default function PoolsPage() {
  return (
    <>
      <PageHeader title="Pools" description="Servers and switches grouped by team, environment or rack row. A pool's group decides who sees it; sub-pools stay in their parent's group." />
      <Suspense>
        <PoolsTable />
      </Suspense>
    </>
  );
}
