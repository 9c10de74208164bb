import type { DbExecutor } from "~/db/client";

export type UserActor = { kind: "user"; userId: number; username: string; isStaff: boolean; groupIds: number[] };
/** Worker tasks act as the system: they see every group's rows. */
export type SystemActor = { kind: "system" };
export type Actor = UserActor | SystemActor;

export type ServiceContext = {
  actor: Actor;
  db: DbExecutor;
  /** The absolute URL of the REST request being served: list pages link to their neighbours with it. */
  requestUrl?: string;
};

export function isStaff(actor: Actor): boolean {
  return actor.kind === "system" || actor.isStaff;
}
