import { Suspense } from "react";
import { currentSessionActor } from "~/server/auth/session";
import { PageHeader } from "../_components/page-header";
import { SwitchesTable } from "./switches-table";

export default async function SwitchesPage() {
  const actor = await currentSessionActor();
  return (
    <>
      <PageHeader title="Switches" description="The network switches of your racks, so pools hold whole racks: servers and the switches they hang off." />
      <Suspense>
        <SwitchesTable isStaff={Boolean(actor?.isStaff)} />
      </Suspense>
    </>
  );
}
