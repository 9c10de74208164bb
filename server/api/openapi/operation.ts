import type { OperationObject, ParameterObject, ResponseObject } from "openapi3-ts/oas30";
import { z } from "~/server/lib/zod";
import { drfErrorResponses } from "./error-responses";
import type { DocumentedProcedure } from "./procedures";

/** One generated operation made DRF-shaped: its real success status, DRF errors, security, parameter docs. */
export function finishOperation(operation: OperationObject, procedure: DocumentedProcedure): void {
  const isPublic = procedure.meta.openapi?.protect === false;
  describeParameters(operation, procedure.input);
  operation.responses = {
    ...successResponse(operation.responses["200"] as ResponseObject, procedure.meta.successStatus),
    ...drfErrorResponses(operation, isPublic),
  };
  // Protected operations inherit the document's bearer requirement.
  if (isPublic) operation.security = [];
  else delete operation.security;
}

function successResponse(generated: ResponseObject, status: 201 | 202 | 204 | undefined): Record<string, ResponseObject> {
  if (status === 204) return { "204": { description: "No response body" } };
  if (status === 201) return { "201": { ...generated, description: "Created" } };
  if (status === 202) return { "202": { ...generated, description: "Accepted: the work goes on in the background" } };
  return { "200": generated };
}

/** The generator drops the descriptions of optional query fields: take them from the input schema. */
function describeParameters(operation: OperationObject, input: unknown): void {
  if (!(input instanceof z.ZodObject)) return;
  const shape = input.shape as Record<string, z.ZodType>;
  for (const parameter of (operation.parameters ?? []) as ParameterObject[]) {
    const field = shape[parameter.name];
    const description = field?.description ?? (field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType).description : undefined);
    if (!parameter.description && description) parameter.description = description;
  }
}
