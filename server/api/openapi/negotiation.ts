import { DomainError } from "~/server/services/errors";

export type SchemaRenderer = { format: "yaml" | "json"; mediaType: string; contentType: string };

// drf-spectacular's renderers, in its order: the first one is the default.
const RENDERERS: SchemaRenderer[] = [
  { format: "yaml", mediaType: "application/vnd.oai.openapi", contentType: "application/vnd.oai.openapi; charset=utf-8" },
  { format: "yaml", mediaType: "application/yaml", contentType: "application/yaml; charset=utf-8" },
  { format: "json", mediaType: "application/vnd.oai.openapi+json", contentType: "application/vnd.oai.openapi+json" },
  { format: "json", mediaType: "application/json", contentType: "application/json" },
];

const matches = (accepted: string, mediaType: string) => {
  if (accepted === "*/*") return true;
  const [type, subtype] = accepted.split("/");
  const [rendererType, rendererSubtype] = mediaType.split("/");
  return type === rendererType && (subtype === "*" || subtype === rendererSubtype);
};

/** DRF ranks accepted types by specificity only (q values are ignored): exact types first, then `type/*`, then `*`. */
const precedence = (mediaType: string) => (mediaType === "*/*" ? 0 : mediaType.endsWith("/*") ? 1 : 2);

/** DRF's content negotiation for the schema view: `?format=` wins, then the Accept header; else 404/406. */
export function selectSchemaRenderer(format: string | null, accept: string | null): SchemaRenderer {
  if (format) {
    const renderer = RENDERERS.find((r) => r.format === format);
    if (!renderer) throw new DomainError(404, { detail: "Not found." });
    return renderer;
  }
  const accepted = (accept || "*/*")
    .split(",")
    .map((part) => part.split(";")[0]!.trim().toLowerCase())
    .filter(Boolean);
  for (const level of [2, 1, 0]) {
    const group = accepted.filter((mediaType) => precedence(mediaType) === level);
    const renderer = RENDERERS.find((r) => group.some((mediaType) => matches(mediaType, r.mediaType)));
    if (renderer) return renderer;
  }
  throw new DomainError(406, { detail: "Could not satisfy the request Accept header." });
}
