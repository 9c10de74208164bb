import { Suspense } from "react";
import { currentSessionActor } from "~/server/auth/session";
import { PageHeader } from "../_components/page-header";
import { ServersTable } from "./servers-table";

export default async function ServersPage() {
  const actor = await currentSessionActor();
  return (
    <>
      <PageHeader
        title="Servers"
        description={
          actor?.isStaff
            ? "Every registered server with its inventory and pool. Protected servers are skipped by pool-wide remediation."
            : "The servers in your groups' pools. Protected servers are skipped by pool-wide remediation."
        }
      />
      <Suspense>
        <ServersTable isStaff={Boolean(actor?.isStaff)} />
      </Suspense>
    </>
  );
}
