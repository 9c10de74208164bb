import { fitsInteger } from "~/server/lib/fields";
import { z } from "~/server/lib/zod";
import type { ServiceContext } from "../services/context";
import { NotFoundError } from "../services/errors";
import { listOutputSchema, listQuerySchema, type ListConfig, type ListQuery } from "../services/list";
import { authedProcedure } from "./trpc";

type Verb<I, O> = (args: { ctx: ServiceContext; input: I }) => Promise<O>;
type ObjectSchema = z.ZodObject<z.ZodRawShape>;

export const idInput = z.object({ id: z.number().int().describe("A unique integer value identifying this object.") });

/** "firmware baseline" -> "FirmwareBaseline": the model name DRF puts in its 404 detail. */
const objectName = (model: string) => model.replace(/(^|\s)(\w)/g, (_, _space, letter: string) => letter.toUpperCase());

const hasValues = (query: Record<string, unknown>) => Object.values(query).some((value) => value !== undefined && value !== "");

type ReadOptions<Dto> = {
  path: `/${string}`;
  tag: string;
  model: string;
  output: z.ZodType<Dto>;
  list: { config: ListConfig; verb: Verb<ListQuery, unknown> };
  description?: string;
};

/** DRF's list: `GET path` with search, filters, ordering and paging. */
export function listProcedure<Dto>(options: ReadOptions<Dto>) {
  return authedProcedure
    .meta({ openapi: { method: "GET", path: options.path, tags: [options.tag], summary: `List ${options.model} objects`, description: options.description } })
    .input(listQuerySchema(options.list.config))
    .output(listOutputSchema(options.output, options.list.config))
    .query(({ ctx, input }) => options.list.verb({ ctx: ctx.service, input: input as ListQuery }) as never);
}

/**
 * DRF's retrieve: `GET path/{id}`. Filters and search apply on the detail route too, as DRF's
 * filter_queryset does: an object the filters exclude is a 404.
 */
export function retrieveProcedure<Dto>(options: ReadOptions<Dto> & { get: Verb<{ id: number }, Dto> }) {
  return authedProcedure
    .meta({ openapi: { method: "GET", path: `${options.path}/{id}`, tags: [options.tag], summary: `Retrieve a ${options.model}`, description: options.description } })
    .input(idInput.extend(listQuerySchema(options.list.config).omit({ ordering: true, page: true, page_size: true }).shape))
    .output(options.output)
    .query(async ({ ctx, input }) => {
      const { id, ...query } = input;
      const found = await options.get({ ctx: ctx.service, input: { id } });
      if (hasValues(query)) {
        const page = (await options.list.verb({ ctx: ctx.service, input: query as ListQuery })) as { results?: { id: number }[] } | { id: number }[];
        const rows = Array.isArray(page) ? page : (page.results ?? []);
        if (!rows.some((row) => row.id === id)) throw new NotFoundError(objectName(options.model));
      }
      return found;
    });
}

/**
 * The six DRF ModelViewSet operations for one resource: list, retrieve, create (201), PUT (full),
 * PATCH (partial), DELETE (204), all on `path` and `path/{id}`, each a call to one service verb.
 * Writes check in DRF's order: `writeAccess` (403), then the object (404), then the body (400).
 */
export function crudProcedures<Dto, Create extends ObjectSchema, Replace extends ObjectSchema>(options: {
  path: `/${string}`;
  tag: string;
  model: string;
  output: z.ZodType<Dto>;
  list: { config: ListConfig; verb: Verb<ListQuery, unknown> };
  get: Verb<{ id: number }, Dto>;
  create: { input: Create; verb: Verb<z.infer<Create>, Dto> };
  update: { replace: Replace; verb: Verb<Partial<z.infer<Replace>> & { id: number }, Dto> };
  delete: Verb<{ id: number }, void>;
  /** Throws when the actor may not write this resource at all (e.g. `requireStaff`). */
  writeAccess?: (ctx: ServiceContext) => void;
}) {
  const { path, tag, model, output } = options;
  const write = ({ lookup }: { lookup: boolean }) =>
    authedProcedure.use(async ({ ctx, getRawInput, next }) => {
      options.writeAccess?.(ctx.service);
      const id = lookup ? ((await getRawInput()) as { id?: unknown } | undefined)?.id : undefined;
      if (typeof id === "number" && fitsInteger(id)) await options.get({ ctx: ctx.service, input: { id } });
      return next();
    });
  const detail = `${path}/{id}` as const;
  const op = (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", at: `/${string}`, summary: string) => ({
    openapi: { method, path: at, tags: [tag], summary },
  });
  return {
    list: listProcedure({ path, tag, model, output, list: options.list }),
    get: retrieveProcedure({ path, tag, model, output, list: options.list, get: options.get }),
    create: write({ lookup: false })
      .meta({ ...op("POST", path, `Create a ${model}`), successStatus: 201 })
      .input(options.create.input)
      .output(output)
      .mutation(({ ctx, input }) => options.create.verb({ ctx: ctx.service, input: input as z.infer<Create> })),
    replace: write({ lookup: true })
      .meta(op("PUT", detail, `Replace a ${model} (every required field must be sent)`))
      .input(options.update.replace.extend(idInput.shape))
      .output(output)
      .mutation(({ ctx, input }) => options.update.verb({ ctx: ctx.service, input: input as never })),
    update: write({ lookup: true })
      .meta(op("PATCH", detail, `Update some fields of a ${model}`))
      .input(options.update.replace.partial().extend(idInput.shape))
      .output(output)
      .mutation(({ ctx, input }) => options.update.verb({ ctx: ctx.service, input: input as never })),
    delete: write({ lookup: false })
      .meta({ ...op("DELETE", detail, `Delete a ${model}`), successStatus: 204 })
      .input(idInput)
      .output(z.void())
      .mutation(async ({ ctx, input }) => {
        await options.delete({ ctx: ctx.service, input });
      }),
  };
}
