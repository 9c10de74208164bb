import { Suspense } from "react";
import { currentSessionActor } from "~/server/auth/session";
import { PageHeader } from "../_components/page-header";
import { ScanRangesTable } from "./scan-ranges-table";
import { discoveryTabs } from "./tabs";

export default async function ScanRangesPage() {
  const actor = await currentSessionActor();
  return (
    <>
      <PageHeader title="Discovery" description="The address ranges where Rackpilot looks for BMCs, and the ports it probes for Redfish." tabs={discoveryTabs("scan-ranges")} />
      <Suspense>
        <ScanRangesTable isStaff={Boolean(actor?.isStaff)} />
      </Suspense>
    </>
  );
}
