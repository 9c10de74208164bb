import { notFound, redirect } from "next/navigation";
import { currentSessionActor } from "~/server/auth/session";

/** A detail page's signed-in user and its `[id]` (digits only, else 404); no session goes to the login page. */
export async function pageActorAndId(params: Promise<{ id: string }>) {
  const actor = await currentSessionActor();
  if (!actor) redirect("/login");
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  return { actor, id: Number(id) };
}
