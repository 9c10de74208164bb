import { redfishError } from "../http/errors";
import { ok } from "../http/reply";
import type { Route } from "../http/router";
import { collection, enabled, resource } from "./odata";
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
            Accounts: link(bmc.profile, paths.accounts),
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
          }),
        );
      },
    },
  ];
}
