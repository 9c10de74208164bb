import { generateOpenApiDocument } from "trpc-to-openapi";
import { appRouter } from "./root";

let document: ReturnType<typeof generateOpenApiDocument> | undefined;

/** The OpenAPI document of every REST operation, as trpc-to-openapi generates it from the procedures. */
export function openApiDocument() {
  document ??= generateOpenApiDocument(appRouter, {
    title: "Rackpilot API",
    version: "1.0.0",
    baseUrl: "/api",
    securitySchemes: { jwtAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
  });
  return document;
}
