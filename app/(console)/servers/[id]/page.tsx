import { notFound } from "next/navigation";
import { Suspense } from "react";
import { currentSessionActor } from "~/server/auth/session";
import { ServerDetail } from "./server-detail";

export default async function ServerPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id < 1) notFound();
  const actor = await currentSessionActor();
  return (
    <Suspense>
      <ServerDetail id={id} isStaff={Boolean(actor?.isStaff)} />
    </Suspense>
  );
}
