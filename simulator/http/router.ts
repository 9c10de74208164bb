import type { Reply, RequestContext } from "./reply";

export interface Route {
  method: "GET" | "POST" | "DELETE" | "PATCH";
  /** Segments are literals or `:param`; matched with or without a trailing slash. */
  pattern: string;
  /** Reachable without credentials (service root, $metadata, session login). */
  public?: boolean;
  handler: (ctx: RequestContext) => Reply | Promise<Reply>;
}

interface Compiled {
  route: Route;
  segments: { literal?: string; param?: string }[];
}

export type Match = { route: Route; params: Record<string, string> } | { allowed: string[] } | undefined;

export function splitPath(path: string): string[] {
  return path
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

export class Router {
  private readonly compiled: Compiled[];

  constructor(
    routes: Route[],
    private readonly caseInsensitive: boolean,
  ) {
    this.compiled = routes.map((route) => ({
      route,
      segments: splitPath(route.pattern).map((segment) =>
        segment.startsWith(":") ? { param: segment.slice(1) } : { literal: this.fold(segment) },
      ),
    }));
  }

  match(method: string, path: string): Match {
    const parts = splitPath(path);
    const folded = parts.map((part) => this.fold(part));
    const allowed: string[] = [];
    for (const { route, segments } of this.compiled) {
      if (segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const hit = segments.every((segment, i) => {
        if (segment.param) params[segment.param] = parts[i];
        return segment.param !== undefined || segment.literal === folded[i];
      });
      if (!hit) continue;
      if (route.method === method || (method === "HEAD" && route.method === "GET")) return { route, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { allowed } : undefined;
  }

  private fold(segment: string): string {
    return this.caseInsensitive ? segment.toLowerCase() : segment;
  }
}
