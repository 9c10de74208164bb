import { z } from "~/server/lib/zod";
import type { ListConfig } from "./types";

const text = (description: string) => z.string().optional().describe(description);

/**
 * The flat query schema of a list operation (trpc-to-openapi needs flat GET inputs). Every value stays a
 * string: the list helper parses them itself so bad values get django-filter's errors, not zod's.
 */
export function listQuerySchema(config: ListConfig) {
  const filters = Object.fromEntries(
    Object.entries(config.filters).map(([name, spec]) => {
      const choices = spec.kind === "choice" ? ` One of: ${spec.choices.join(", ")}.` : "";
      return [name, text(spec.description ?? `Exact match on \`${name}\`.${choices}`)];
    }),
  );
  return z.object({
    search: text("A search term: whitespace-separated terms must all match, each in any searchable field."),
    ordering: text(`Comma-separated fields to order by, \`-\` for descending. Allowed: ${Object.keys(config.ordering).join(", ")}.`),
    page: text("A page number within the paginated result set (or `last`)."),
    page_size: text("Number of results to return per page (max 1000)."),
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

/** A list is the DRF envelope, or for MOJO's bare-array lists a plain array unless paged. */
export function listOutputSchema<T extends z.ZodType>(item: T, config: ListConfig) {
  return config.bareArrayUnlessPaged ? z.union([z.array(item), pageSchema(item)]) : pageSchema(item);
}
