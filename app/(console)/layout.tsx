import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentSessionActor } from "~/server/auth/session";
import { Sidebar } from "./_components/sidebar";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await currentSessionActor();
  if (!actor) redirect("/login");
  return (
    <div className="flex min-h-screen">
      <Sidebar username={actor.username} isStaff={actor.isStaff} />
      <main className="min-w-0 flex-1 p-6">{children}</main>
    </div>
  );
}
