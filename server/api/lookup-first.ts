import { fitsInteger } from "~/server/lib/fields";
import type { ServiceContext } from "../services/context";
import { authedProcedure } from "./trpc";

/**
 * A procedure checked in DRF's order for a write: permission (403), then the object named by the path's
 * `id` (404, also for one the actor may not see), then the body (400). tRPC validates the input before a
 * procedure runs, so this reads the raw input's `id` and looks the object up first.
 */
export function lookupBeforeBody({ access, lookup }: { access?: (ctx: ServiceContext) => void; lookup?: (ctx: ServiceContext, id: number) => Promise<unknown> }) {
  return authedProcedure.use(async ({ ctx, getRawInput, next }) => {
    access?.(ctx.service);
    const id = lookup && ((await getRawInput()) as { id?: unknown } | undefined)?.id;
    if (lookup && typeof id === "number" && fitsInteger(id)) await lookup(ctx.service, id);
    return next();
  });
}
