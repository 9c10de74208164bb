import { redirect } from "next/navigation";
import { Suspense } from "react";
import { currentSessionActor } from "~/server/auth/session";
import { PageHeader } from "../_components/page-header";
import { BaselinesTable } from "./baselines-table";

export default async function BaselinesPage() {
  const actor = await currentSessionActor();
  if (!actor) redirect("/login");
  return (
    <>
      <PageHeader title="Baselines" description="The firmware versions a server model should run, grouped under one name." />
      <Suspense>
        <BaselinesTable me={{ userId: actor.userId, username: actor.username, isStaff: actor.isStaff }} />
      </Suspense>
    </>
  );
}
