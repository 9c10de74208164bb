import { Suspense } from "react";
import { currentSessionActor } from "~/server/auth/session";
import { PageHeader } from "../../_components/page-header";
import { discoveryTabs } from "../tabs";
import { NodesTable } from "./nodes-table";

export default async function NodesPage() {
  const actor = await currentSessionActor();
  return (
    <>
      <PageHeader title="Discovery" description="The BMCs scans found: one node per address and port, with the TLS certificate trusted on first sight." tabs={discoveryTabs("nodes")} />
      <Suspense>
        <NodesTable isStaff={Boolean(actor?.isStaff)} />
      </Suspense>
    </>
  );
}
