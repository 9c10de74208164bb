import { stringify } from "yaml";
import { DomainError } from "~/server/services/errors";
import { openApiDocument } from "../openapi";
import { packageAsset, type Asset, type DocsPage } from "../openapi/asset-files";
import { docsPage, swaggerInitializer } from "../openapi/docs-pages";
import { selectSchemaRenderer } from "../openapi/negotiation";

const ALLOW = "GET, HEAD, OPTIONS";
const ROUTE = /^\/schema(?:\/(swagger-ui|redoc)(?:\/([^/]+))?)?\/?$/;

const rendered = new Map<string, string>();

/** The document in one format, rendered once (it never changes while the process runs). */
function renderSchema(request: Request): Asset & { headers: Record<string, string> } {
  const url = new URL(request.url);
  const renderer = selectSchemaRenderer(url.searchParams.get("format"), request.headers.get("accept"));
  let text = rendered.get(renderer.format);
  if (text === undefined) {
    const document = openApiDocument();
    text = renderer.format === "json" ? JSON.stringify(document, null, 2) : stringify(document, { aliasDuplicateObjects: false });
    rendered.set(renderer.format, text);
  }
  return { body: new TextEncoder().encode(text), contentType: renderer.contentType, headers: { vary: "Accept" } };
}

function docsFile(page: DocsPage, name: string): Asset {
  const asset = page === "swagger-ui" && name === "swagger-initializer.js" ? swaggerInitializer() : packageAsset(page, name);
  if (!asset) throw new DomainError(404, { detail: "Not found." });
  return asset;
}

/**
 * `/api/schema/` (the OpenAPI document), `/api/schema/swagger-ui/` and `/api/schema/redoc/` (the docs
 * pages and their files, all local). Public, like drf-spectacular's defaults. Null for other paths.
 */
export async function serveSchemaRequest(request: Request, path: string): Promise<Response | null> {
  const match = ROUTE.exec(path);
  if (!match) return null;
  if (request.method === "OPTIONS") return new Response("{}", { headers: { "content-type": "application/json", Allow: ALLOW } });
  if (request.method !== "GET" && request.method !== "HEAD") {
    throw new DomainError(405, { detail: `Method "${request.method}" not allowed.` }, { Allow: ALLOW });
  }
  const [, page, name] = match as unknown as [string, DocsPage | undefined, string | undefined];
  const served: Asset & { headers?: Record<string, string> } = !page ? renderSchema(request) : name ? docsFile(page, name) : docsPage(page);
  return new Response(request.method === "HEAD" ? null : served.body, {
    headers: { "content-type": served.contentType, ...served.headers },
  });
}
