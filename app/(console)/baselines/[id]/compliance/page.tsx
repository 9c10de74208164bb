import { Suspense } from "react";
import { pageActorAndId } from "../../../_components/route-id";
import { ComplianceView } from "./compliance-view";

export default async function BaselineCompliancePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageActorAndId(params);
  return (
    <Suspense>
      <ComplianceView baselineId={id} />
    </Suspense>
  );
}
