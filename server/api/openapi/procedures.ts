import type { AnyTRPCProcedure, AnyTRPCRouter } from "@trpc/server";
import type { ProcedureMeta } from "../trpc";

export type DocumentedProcedure = { meta: ProcedureMeta; input: unknown };

/** `GET /users/{id}`: how an operation is named both in procedure meta and in the generated paths. */
export const operationKey = (method: string, path: string) => `${method.toUpperCase()} /${path.replace(/^\/+|\/+$/g, "")}`;

/** The procedures that have a REST operation, by operation key: their meta and input schema. */
export function documentedProcedures(router: AnyTRPCRouter): Map<string, DocumentedProcedure> {
  const procedures = new Map<string, DocumentedProcedure>();
  for (const procedure of Object.values(router._def.procedures as Record<string, AnyTRPCProcedure>)) {
    const meta = procedure._def.meta as ProcedureMeta | undefined;
    if (!meta?.openapi) continue;
    const input = (procedure._def as { inputs?: unknown[] }).inputs?.[0];
    procedures.set(operationKey(meta.openapi.method, meta.openapi.path), { meta, input });
  }
  return procedures;
}
