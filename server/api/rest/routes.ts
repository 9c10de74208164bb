import type { AnyTRPCProcedure } from "@trpc/server";
import { appRouter } from "../root";
import type { ProcedureMeta } from "../trpc";

type Operation = { method: string; procedurePath: string; meta: ProcedureMeta; protect: boolean };
type Route = { template: string; pattern: RegExp; params: string[]; operations: Map<string, Operation> };

export type RouteMatch =
  | { kind: "operation"; operation: Operation; params: Record<string, string> }
  | { kind: "not_found" }
  | { kind: "method_not_allowed"; allow: string[] };

const normalize = (path: string) => `/${path.replace(/^\/+|\/+$/g, "")}`;

function buildRoutes(): Route[] {
  const routes = new Map<string, Route>();
  for (const [procedurePath, procedure] of Object.entries(appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>)) {
    const meta = procedure._def.meta as ProcedureMeta | undefined;
    if (!meta?.openapi) continue;
    const template = normalize(meta.openapi.path);
    let route = routes.get(template);
    if (!route) {
      const params = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, "([^/]+)")}$`);
      route = { template, pattern, params, operations: new Map() };
      routes.set(template, route);
    }
    route.operations.set(meta.openapi.method, { method: meta.openapi.method, procedurePath, meta, protect: meta.openapi.protect !== false });
  }
  // Insertion order decides between overlapping templates, exactly as trpc-to-openapi matches them.
  return [...routes.values()];
}

let routes: Route[] | undefined;

/** Which operation a method and path (relative to /api) name, or why none does. */
export function matchRoute(method: string, path: string): RouteMatch {
  routes ??= buildRoutes();
  const normalized = normalize(path);
  const route = routes.find((r) => r.pattern.test(normalized));
  if (!route) return { kind: "not_found" };
  const values = route.pattern.exec(normalized)!.slice(1);
  const params = Object.fromEntries(route.params.map((name, i) => [name, decodeURIComponent(values[i]!)]));
  const operation = route.operations.get(method === "HEAD" ? "GET" : method);
  if (!operation) return { kind: "method_not_allowed", allow: allowedMethods(route) };
  // Every path parameter is an integer id: anything else names no object (DRF's "Not found.").
  if (Object.values(params).some((value) => !/^\d+$/.test(value))) return { kind: "not_found" };
  return { kind: "operation", operation, params };
}

function allowedMethods(route: Route): string[] {
  const methods = [...route.operations.keys()];
  if (methods.includes("GET")) methods.push("HEAD");
  return [...methods, "OPTIONS"];
}
