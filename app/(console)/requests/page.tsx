import { redirect } from "next/navigation";
import { Suspense } from "react";
import { currentSessionActor } from "~/server/auth/session";
import { PageHeader } from "../_components/page-header";
import { RequestsTable } from "./requests-table";

export default async function RequestsPage() {
  const actor = await currentSessionActor();
  if (!actor) redirect("/login");
  return (
    <>
      <PageHeader title="Requests" description="Firmware updates and baseline remediations, newest first, with their live progress." />
      <Suspense>
        <RequestsTable />
      </Suspense>
    </>
  );
}
