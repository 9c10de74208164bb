import { notFound, redirect } from "next/navigation";
import { Suspense } from "react";
import { currentSessionActor } from "~/server/auth/session";
import { ComplianceView } from "./compliance-view";

export default async function BaselineCompliancePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await currentSessionActor();
  if (!actor) redirect("/login");
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  return (
    <Suspense>
      <ComplianceView baselineId={Number(id)} />
    </Suspense>
  );
}
