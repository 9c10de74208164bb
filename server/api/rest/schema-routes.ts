import { stringify } from "yaml";
import { openApiDocument } from "../openapi";

/** `/api/schema/`: YAML by default, JSON on request (drf-spectacular's negotiation). Null for other paths. */
export async function serveSchemaRequest(request: Request, path: string): Promise<Response | null> {
  if (path.replace(/\/$/, "") !== "/schema") return null;
  const url = new URL(request.url);
  const accept = request.headers.get("accept") ?? "";
  const wantsJson = url.searchParams.get("format") === "json" || /application\/(vnd\.oai\.openapi\+)?json/.test(accept);
  const document = openApiDocument();
  return wantsJson
    ? new Response(JSON.stringify(document), { headers: { "content-type": "application/vnd.oai.openapi+json" } })
    : new Response(stringify(document), { headers: { "content-type": "application/vnd.oai.openapi" } });
}
