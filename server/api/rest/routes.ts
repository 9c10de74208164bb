import type { AnyTRPCProcedure } from "@trpc/server";
import { appRouter } from "../root";
import type { ProcedureMeta } from "../trpc";

export type Operation = { method: string; procedurePath: string; procedure: AnyTRPCProcedure; meta: ProcedureMeta; protect: boolean };
type Route = { template: string; pattern: RegExp; params: string[]; operations: Map<string, Operation> };

export type RouteMatch =
  | { kind: "operation"; operation: Operation; params: Record<string, string> }
  | { kind: "not_found" }
  | { kind: "method_not_allowed"; allow: string[]; protect: boolean };

// DRF lists allowed methods in the order of View.http_method_names.
const METHOD_ORDER = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

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
    route.operations.set(meta.openapi.method, { method: meta.openapi.method, procedurePath, procedure, meta, protect: meta.openapi.protect !== false });
  }
  // Insertion order decides between overlapping templates (`/users/me` before `/users/{id}`).
  return [...routes.values()];
}

let routes: Route[] | undefined;

/** Which operation a method and path (relative to /api, either slash form) name, or why none does. */
export function matchRoute(method: string, path: string): RouteMatch {
  routes ??= buildRoutes();
  const normalized = normalize(path);
  const route = routes.find((r) => r.pattern.test(normalized));
  if (!route) return { kind: "not_found" };
  const operation = route.operations.get(method === "HEAD" ? "GET" : method);
  if (!operation) {
    return { kind: "method_not_allowed", allow: allowedMethods(route), protect: [...route.operations.values()].some((op) => op.protect) };
  }
  const values = route.pattern.exec(normalized)!.slice(1);
  let params: Record<string, string>;
  try {
    params = Object.fromEntries(route.params.map((name, i) => [name, decodeURIComponent(values[i]!)]));
  } catch {
    return { kind: "not_found" };
  }
  return { kind: "operation", operation, params };
}

function allowedMethods(route: Route): string[] {
  const methods = new Set([...route.operations.keys(), "OPTIONS"]);
  if (methods.has("GET")) methods.add("HEAD");
  return METHOD_ORDER.filter((method) => methods.has(method));
}
