import { Suspense } from "react";
import { currentSessionActor } from "~/server/auth/session";
import { PageHeader } from "../_components/page-header";
import { FirmwareTable } from "./firmware-table";

export default async function FirmwarePage() {
  const actor = await currentSessionActor();
  return (
    <>
      <PageHeader title="Firmware" description="The images Rackpilot can install. It keeps a copy of each and serves it to the BMCs." />
      <Suspense>
        <FirmwareTable isStaff={Boolean(actor?.isStaff)} />
      </Suspense>
    </>
  );
}
