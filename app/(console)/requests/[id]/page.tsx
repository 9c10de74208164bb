import { notFound, redirect } from "next/navigation";
import { Suspense } from "react";
import { currentSessionActor } from "~/server/auth/session";
import { RequestDetail } from "./request-detail";

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await currentSessionActor();
  if (!actor) redirect("/login");
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  return (
    <Suspense>
      <RequestDetail requestId={Number(id)} me={{ userId: actor.userId, isStaff: actor.isStaff }} />
    </Suspense>
  );
}
