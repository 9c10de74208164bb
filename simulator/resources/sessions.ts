import type { SessionRecord } from "../bmc/sessions";
import { checkLogin, unauthorized } from "../http/auth";
import { redfishError, success } from "../http/errors";
import { bodyField, ok, type RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import { collection, enabled, missing, resource } from "./odata";
import { link, odataId, pathsOf, type Paths } from "./paths";

function sessionBody(ctx: RequestContext, session: SessionRecord) {
  return resource(ctx, "Session", `${pathsOf(ctx.bmc.profile).sessions}/${session.id}`, {
    Id: session.id,
    Name: "User Session",
    Description: "Manager User Session",
    UserName: session.username,
    Password: null,
    CreatedTime: session.createdAt.toISOString(),
  });
}

function login(ctx: RequestContext) {
  const { bmc } = ctx;
  const { profile } = bmc;
  const username = bodyField(ctx, "UserName");
  const password = bodyField(ctx, "Password");
  if (typeof username !== "string" || typeof password !== "string") {
    return redfishError(profile, 400, "PropertyMissing", { args: [typeof username !== "string" ? "UserName" : "Password"] });
  }
  const verdict = checkLogin(bmc, username, password);
  if (verdict !== "ok") return unauthorized(bmc, verdict);
  if (bmc.sessionStore.size >= bmc.maxSessions) {
    return redfishError(profile, profile.sessions.limitStatus, "SessionLimitExceeded", {
      detail: `The session limit of ${bmc.maxSessions} is reached; log out of an existing session first.`,
    });
  }
  const session = bmc.sessionStore.create(username);
  // iLO 4 answers a login through its legacy tree with a legacy Location.
  const path = ctx.legacy ? `/rest/v1/Sessions/${session.id}` : odataId(bmc, `${pathsOf(profile).sessions}/${session.id}`);
  const location = profile.sessions.absoluteLocation ? `${originOf(bmc.url)}${path}` : path;
  return { status: 201, body: sessionBody(ctx, session), headers: { "X-Auth-Token": session.token, Location: location } };
}

/**
 * The origin in an absolute Location, without the scheme's default port, as iLO writes it. (ilorest
 * strips `https://<host>` from the Location to log out, so an explicit `:443` would break it.)
 */
function originOf(url: string): string {
  return new URL(url).origin;
}

function sessionOr404(ctx: RequestContext) {
  return ctx.bmc.sessionStore.get(ctx.params.id);
}

export function sessionRoutes(paths: Paths): Route[] {
  return [
    {
      method: "GET",
      pattern: paths.sessionService,
      handler: (ctx) =>
        ok(
          resource(ctx, "SessionService", paths.sessionService, {
            Id: "SessionService",
            Name: "Session Service",
            ServiceEnabled: true,
            SessionTimeout: Math.round((ctx.bmc.faults.sessionTimeoutMs ?? ctx.bmc.timings.sessionTimeoutMs) / 1000),
            Status: enabled,
            Sessions: link(ctx.bmc, paths.sessions),
          }),
        ),
    },
    {
      method: "GET",
      pattern: paths.sessions,
      handler: (ctx) => {
        const members = ctx.bmc.sessionStore.list().map((session) => `${paths.sessions}/${session.id}`);
        return ok(collection(ctx, "Session", paths.sessions, "Session Collection", members));
      },
    },
    { method: "POST", pattern: paths.sessions, public: true, handler: login },
    {
      method: "GET",
      pattern: `${paths.sessions}/:id`,
      handler: (ctx) => {
        const session = sessionOr404(ctx);
        return session ? ok(sessionBody(ctx, session)) : missing(ctx);
      },
    },
    {
      method: "DELETE",
      pattern: `${paths.sessions}/:id`,
      handler: (ctx) => {
        const session = sessionOr404(ctx);
        if (!session) return missing(ctx);
        ctx.bmc.sessionStore.delete(session.id);
        return success(ctx.bmc.profile);
      },
    },
  ];
}
