import type { Asset, DocsPage } from "./asset-files";

export const SCHEMA_URL = "/api/schema/";
export const DOCS_BASE = { "swagger-ui": "/api/schema/swagger-ui/", redoc: "/api/schema/redoc/" } satisfies Record<DocsPage, string>;

const TITLE = "Rackpilot API";
const HTML = "text/html; charset=utf-8";

/**
 * Everything is served from this origin: the policy keeps the pages working offline and stops Redoc's
 * hard-coded CDN logo from loading (it hides itself when the image fails).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join("; ");

export type Page = Asset & { headers: Record<string, string> };

const page = (html: string): Page => ({
  body: new TextEncoder().encode(html),
  contentType: HTML,
  headers: { "content-security-policy": CONTENT_SECURITY_POLICY },
});

const swaggerUiHtml = () => {
  const base = DOCS_BASE["swagger-ui"];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLE}</title>
<link rel="stylesheet" href="${base}swagger-ui.css">
<link rel="icon" type="image/png" href="${base}favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${base}swagger-ui-bundle.js"></script>
<script src="${base}swagger-initializer.js"></script>
</body>
</html>
`;
};

/** Swagger UI's settings, as a script file so the page needs no inline script. */
export function swaggerInitializer(): Asset {
  const config = {
    url: `${SCHEMA_URL}?format=json`,
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: true,
    displayRequestDuration: true,
    filter: true,
    validatorUrl: null,
    layout: "BaseLayout",
  };
  const script = `window.ui = SwaggerUIBundle(Object.assign(${JSON.stringify(config)}, { presets: [SwaggerUIBundle.presets.apis] }));\n`;
  return { body: new TextEncoder().encode(script), contentType: "text/javascript; charset=utf-8" };
}

const redocHtml = () => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLE}</title>
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<redoc spec-url="${SCHEMA_URL}?format=json"></redoc>
<script src="${DOCS_BASE.redoc}redoc.standalone.js"></script>
</body>
</html>
`;

/** The HTML page of a docs UI. */
export function docsPage(name: DocsPage): Page {
  return page(name === "redoc" ? redocHtml() : swaggerUiHtml());
}
