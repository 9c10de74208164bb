import { Suspense } from "react";
import { currentSessionActor } from "~/server/auth/session";
import { PageHeader } from "../../_components/page-header";
import { discoveryTabs } from "../tabs";
import { AuthProfilesTable } from "./auth-profiles-table";

export default async function AuthProfilesPage() {
  const actor = await currentSessionActor();
  return (
    <>
      <PageHeader title="Discovery" description="The BMC credentials registration tries on a discovered node, grouped by the kind of node they open." tabs={discoveryTabs("auth-profiles")} />
      <Suspense>
        <AuthProfilesTable isStaff={Boolean(actor?.isStaff)} />
      </Suspense>
    </>
  );
}
