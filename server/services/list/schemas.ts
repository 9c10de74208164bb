import { z } from "~/server/lib/zod";
import type { FilterSpec, ListConfig } from "./types";

type ParameterType = { type: "string" | "integer" | "number" | "boolean"; enum?: string[] };

/**
 * A query parameter: always a string at run time (the list helper parses it, so bad values get
 * django-filter's errors, not zod's), documented with the type drf-spectacular gives it so generated
 * clients take `{page: 1, group: 1, is_staff: true}`.
 */
const parameter = (description: string, documented: ParameterType = { type: "string" }) =>
  // On the inner schema: trpc-to-openapi unwraps optional query fields (and drops what is on the wrapper).
  z.string().meta({ override: documented }).optional().describe(description);

function documentedType(spec: FilterSpec): ParameterType {
  switch (spec.kind) {
    case "number":
    case "boolean":
      return { type: spec.kind };
    case "relation":
      return { type: "integer" };
    // A case-insensitive choice also takes `BIOS` for `bios`: an enum would make clients refuse it.
    case "choice":
      return spec.caseInsensitive ? { type: "string" } : { type: "string", enum: [...spec.choices] };
    case "custom":
      return { type: spec.type ?? "string" };
    default:
      return { type: "string" };
  }
}

/** The flat query schema of a list operation (trpc-to-openapi needs flat GET inputs). */
export function listQuerySchema(config: ListConfig) {
  const filters = Object.fromEntries(
    Object.entries(config.filters).map(([name, spec]) => {
      const choices = spec.kind === "choice" ? ` One of: ${spec.choices.join(", ")}.` : "";
      return [name, parameter(spec.description ?? `Exact match on \`${name}\`.${choices}`, documentedType(spec))];
    }),
  );
  return z.object({
    search: parameter("A search term: whitespace-separated terms must all match, each in any searchable field."),
    ordering: parameter(`Comma-separated fields to order by, \`-\` for descending. Allowed: ${Object.keys(config.ordering).join(", ")}.`),
    page: parameter("A page number within the paginated result set (or `last`).", { type: "integer" }),
    page_size: parameter("Number of results to return per page (max 1000).", { type: "integer" }),
    ...filters,
  });
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    count: z.number().int().describe("Total number of matching results."),
    next: z.string().nullable().describe("URL of the next page, null on the last page."),
    previous: z.string().nullable().describe("URL of the previous page, null on the first page."),
    results: z.array(item),
  });
}

/**
 * tRPC checks an output with `parseAsync`, but zod runs its compiled object parser only in a
 * synchronous parse, which costs about 8x less CPU on a page of rich objects. DTO schemas hold no
 * async refinement, so the result (and any error) is the same.
 */
function parsedSynchronously<T extends z.ZodType>(schema: T): T {
  schema.parseAsync = async (data, params) => schema.parse(data, params);
  return schema;
}

/** A list is the DRF envelope, or for MOJO's bare-array lists a plain array unless paged. */
export function listOutputSchema<T extends z.ZodType>(item: T, config: ListConfig) {
  return parsedSynchronously(config.bareArrayUnlessPaged ? z.union([z.array(item), pageSchema(item)]) : pageSchema(item));
}
