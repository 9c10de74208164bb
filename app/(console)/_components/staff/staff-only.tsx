import type { ReactNode } from "react";
import { currentSessionActor } from "~/server/auth/session";

export async function StaffOnly({ children }: { children: ReactNode }) {
  const actor = await currentSessionActor();
  if (!actor?.isStaff) return <p className="text-zinc-500">Only staff users manage users and groups. Ask an administrator.</p>;
  return <>{children}</>;
}
