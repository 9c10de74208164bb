import type { PathItemObject } from "openapi3-ts/oas30";

const anyDocument = { schema: { type: "object", additionalProperties: {} } } as const;

/** `/api/schema/` itself, documented the way drf-spectacular documents its schema view. */
export const schemaPathItem: PathItemObject = {
  get: {
    operationId: "schema-retrieve",
    summary: "This OpenAPI document",
    description: "YAML by default; JSON with `?format=json` or `Accept: application/json`.",
    tags: ["schema"],
    security: [],
    parameters: [{ in: "query", name: "format", schema: { type: "string", enum: ["json", "yaml"] }, description: "The document's format." }],
    responses: {
      "200": {
        description: "The OpenAPI document",
        content: {
          "application/vnd.oai.openapi": anyDocument,
          "application/yaml": anyDocument,
          "application/vnd.oai.openapi+json": anyDocument,
          "application/json": anyDocument,
        },
      },
    },
  },
};
