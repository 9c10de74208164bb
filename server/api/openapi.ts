import type { OpenAPIObject } from "openapi3-ts/oas30";
import { generateOpenApiDocument } from "trpc-to-openapi";
import { finishDocument } from "./openapi/finish-document";
import { appRouter } from "./root";

const description = [
  "Rackpilot's REST API, compatible with MOJO's.",
  "",
  "Get a token pair with `POST /api/token/` (`{\"username\", \"password\"}`), then send `Authorization: Bearer <access>` on every other request",
  "(in Swagger UI: the Authorize button). Lists take `search`, `ordering`, `page`, `page_size` and their field filters.",
].join("\n");

let document: OpenAPIObject | undefined;

/** The OpenAPI 3.0 document of every REST operation, built once from the procedures on first use. */
export function openApiDocument(): OpenAPIObject {
  document ??= finishDocument(generate() as unknown as OpenAPIObject, appRouter);
  return document;
}

// zod-openapi writes 3.0 itself (nullable, no type arrays): what drf-spectacular serves and SDK generators expect.
function generate() {
  return generateOpenApiDocument(appRouter, { title: "Rackpilot API", version: "1.0.0", description, baseUrl: "/api", openApiVersion: "3.0.3" });
}
