import type { AnyTRPCProcedure, AnyTRPCRouter } from "@trpc/server";
import { z } from "~/server/lib/zod";

type SchemaLike = { _zod: { def: Record<string, unknown> & { type: string; fn?: (value: unknown) => unknown } } };

const isSchema = (value: unknown): value is SchemaLike => typeof value === "object" && value !== null && "_zod" in value;

/**
 * zod-openapi refuses to describe a `z.custom` schema that has no metadata, and fails the whole document.
 * `pk()` (server/lib/fields.ts) is one: a custom check that takes integer ids. Custom schemas that accept
 * an integer and refuse its string form are documented as integers; any other custom schema still fails loudly.
 */
export function documentIntegerCustomSchemas(router: AnyTRPCRouter): void {
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isSchema(value)) {
      // An object's shape: a plain record of schemas.
      if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) Object.values(value).forEach(visit);
      return;
    }
    if (seen.has(value)) return;
    seen.add(value);
    const def = value._zod.def;
    const meta = z.globalRegistry.get(value as never);
    if (def.type === "custom" && !meta?.override && !meta?.type && def.fn?.(1) === true && def.fn("1") !== true) {
      z.globalRegistry.add(value as never, { ...meta, override: { type: "integer" } });
    }
    Object.values(def).forEach(visit);
  };
  for (const procedure of Object.values(router._def.procedures as Record<string, AnyTRPCProcedure>)) {
    const def = procedure._def as { inputs?: unknown[]; output?: unknown };
    visit(def.inputs);
    visit(def.output);
  }
}
