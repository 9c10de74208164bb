import { redfishError } from "../http/errors";
import { ok } from "../http/reply";
import type { Route } from "../http/router";
import { collection, enabled, getRoute, missing, resource } from "./odata";
import { link, type Paths } from "./paths";

export function accountRoutes(paths: Paths): Route[] {
  return [
    {
      method: "GET",
      pattern: paths.accountService,
      handler: (ctx) => {
        const { bmc } = ctx;
        const lockout = bmc.faults.lockout;
        return ok(
          resource(ctx, "AccountService", paths.accountService, {
            Id: "AccountService",
            Name: "Account Service",
            ServiceEnabled: true,
            Status: enabled,
            MinPasswordLength: 8,
            MaxPasswordLength: 40,
            AccountLockoutThreshold: lockout?.attempts ?? 0,
            AccountLockoutDuration: Math.round((lockout?.durationMs ?? 0) / 1000),
            Accounts: link(bmc, paths.accounts),
            Roles: link(bmc, paths.roles),
          }),
        );
      },
    },
    {
      method: "GET",
      pattern: paths.accounts,
      handler: (ctx) => {
        const account = `${paths.accounts}/${ctx.bmc.profile.ids.account}`;
        return ok(collection(ctx, "ManagerAccount", paths.accounts, "Accounts Collection", [account]));
      },
    },
    {
      method: "GET",
      pattern: `${paths.accounts}/:id`,
      handler: (ctx) => {
        const { bmc } = ctx;
        const id = bmc.profile.ids.account;
        if (ctx.params.id !== id) return redfishError(bmc.profile, 404, "ResourceMissingAtURI", { args: [ctx.path] });
        return ok(
          resource(ctx, "ManagerAccount", `${paths.accounts}/${id}`, {
            Id: id,
            Name: "User Account",
            UserName: bmc.username,
            Password: null,
            RoleId: "Administrator",
            Enabled: true,
            Locked: bmc.lockedUntil > Date.now(),
            Links: { Role: link(bmc, `${paths.roles}/Administrator`) },
          }),
        );
      },
    },
    getRoute(paths.roles, (ctx) => collection(ctx, "Role", paths.roles, "Roles Collection", Object.keys(ROLES).map((role) => `${paths.roles}/${role}`))),
    getRoute(`${paths.roles}/:id`, (ctx) => {
      const role = Object.keys(ROLES).find((candidate) => candidate.toLowerCase() === ctx.params.id.toLowerCase());
      if (!role) return missing(ctx);
      return resource(ctx, "Role", `${paths.roles}/${role}`, {
        Id: role,
        Name: `${role} Role`,
        RoleId: role,
        IsPredefined: true,
        AssignedPrivileges: ROLES[role],
        OemPrivileges: [],
      });
    }),
  ];
}

/** The three DMTF predefined roles and their privileges. */
const ROLES: Record<string, string[]> = {
  Administrator: ["Login", "ConfigureManager", "ConfigureUsers", "ConfigureSelf", "ConfigureComponents"],
  Operator: ["Login", "ConfigureSelf", "ConfigureComponents"],
  ReadOnly: ["Login", "ConfigureSelf"],
};
