"use client";
import { useQueries } from "@tanstack/react-query";
import { useTRPC } from "../../_trpc/client";

export type SessionUser = { userId: number; username: string; isStaff: boolean };

/**
 * Names the creators of baselines. Staff may read every user; anyone else only themselves, so other
 * creators stay ids for them.
 */
export function useUsernames(ids: (number | null)[], me: SessionUser): (id: number | null) => string {
  const trpc = useTRPC();
  const others = me.isStaff ? [...new Set(ids.filter((id): id is number => id !== null && id !== me.userId))] : [];
  const users = useQueries({ queries: others.map((id) => ({ ...trpc.users.get.queryOptions({ id }), staleTime: 5 * 60_000, retry: false })) });
  const names = new Map(users.flatMap((user) => (user.data ? [[user.data.id, user.data.username] as const] : [])));
  return (id) => {
    if (id === null) return "—";
    if (id === me.userId) return me.username;
    return names.get(id) ?? `user #${id}`;
  };
}
