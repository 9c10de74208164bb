import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import type { Database } from "~/db/client";
import type { Actor, ServiceContext } from "../services/context";
import { AuthenticationError, DomainError } from "../services/errors";
import { TRPC_CODE_BY_STATUS, toDrfError } from "./errors";

export type ProcedureMeta = OpenApiMeta & {
  /** REST status on success: 201 for creates, 202 for work started in the background, 204 for deletes (default 200). */
  successStatus?: 201 | 202 | 204;
};

export type Context = {
  db: Database;
  actor: Actor | null;
  /** Why a presented credential was rejected (bad token...), reported instead of "not provided". */
  authError: AuthenticationError | null;
  /** The client's address, for throttling failed logins. */
  client: string;
  requestUrl?: string;
};

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error }) {
      const drf = toDrfError(error);
      const message = drf.status === 500 ? "Internal server error." : shape.message;
      return { ...shape, message, data: { code: shape.data.code, httpStatus: drf.status, path: shape.data.path, drf: drf.body } };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors keep their DRF body as the cause and get the matching tRPC code (and HTTP status). */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const status = result.error.cause.status as keyof typeof TRPC_CODE_BY_STATUS;
    throw new TRPCError({ code: TRPC_CODE_BY_STATUS[status] ?? "INTERNAL_SERVER_ERROR", message: result.error.cause.message, cause: result.error.cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapDomainErrors);

/** Any signed-in user or valid API token; the service context names the actor. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw ctx.authError ?? AuthenticationError.notProvided();
  const service: ServiceContext = { actor: ctx.actor, db: ctx.db, requestUrl: ctx.requestUrl };
  return next({ ctx: { ...ctx, actor: ctx.actor, service } });
});
