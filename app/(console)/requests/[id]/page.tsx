import { Suspense } from "react";
import { pageActorAndId } from "../../_components/route-id";
import { RequestDetail } from "./request-detail";

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, id } = await pageActorAndId(params);
  return (
    <Suspense>
      <RequestDetail requestId={id} me={{ userId: actor.userId, isStaff: actor.isStaff }} />
    </Suspense>
  );
}
