import type { AnyTRPCRouter } from "@trpc/server";
import type { OpenAPIObject, OperationObject, PathItemObject, PathsObject } from "openapi3-ts/oas30";
import { errorSchemas } from "./error-responses";
import { stripSafeIntegerBounds } from "./integer-bounds";
import { finishOperation } from "./operation";
import { documentedProcedures, operationKey } from "./procedures";
import { schemaPathItem } from "./schema-operation";

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

/** `/users/{id}` -> `/api/users/{id}/`: the URLs clients call, so "Try it out" needs no server prefix. */
export const restPath = (path: string) => `/api/${path.replace(/^\/+|\/+$/g, "")}/`.replace(/\/\/$/, "/");

/**
 * Turns trpc-to-openapi's document into what drf-spectacular would serve for the same API: DRF paths,
 * real success statuses, DRF error bodies, the bearer scheme as the default requirement.
 */
export function finishDocument(generated: OpenAPIObject, router: AnyTRPCRouter): OpenAPIObject {
  const procedures = documentedProcedures(router);
  const paths: PathsObject = {};
  for (const [path, item] of Object.entries(generated.paths ?? {}) as [string, PathItemObject][]) {
    for (const method of METHODS) {
      const operation: OperationObject | undefined = item[method];
      const procedure = procedures.get(operationKey(method, path));
      if (!operation) continue;
      if (!procedure) throw new Error(`No procedure documents ${method.toUpperCase()} ${path}`);
      finishOperation(operation, procedure);
    }
    paths[restPath(path)] = item;
  }
  paths[restPath("/schema")] = schemaPathItem;

  const generatedSchemas = Object.entries(generated.components?.schemas ?? {}).filter(([name]) => !name.startsWith("error."));
  const document: OpenAPIObject = {
    openapi: generated.openapi,
    info: generated.info,
    paths,
    components: {
      schemas: { ...Object.fromEntries(generatedSchemas), ...errorSchemas },
      securitySchemes: { jwtAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
    },
    security: [{ jwtAuth: [] }],
  };
  stripSafeIntegerBounds(document);
  return document;
}
