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

type ResourceOptions<Dto, Replace extends ObjectSchema, Detail> = {
  path: `/${string}`;
  tag: string;
  model: string;
  output: z.ZodType<Dto>;
  /** The description of every operation (who may see and do what). */
  access?: string;
  list: { config: ListConfig; verb: Verb<ListQuery, unknown> };
  /** The object (404 when the actor cannot see it): the lookup before writes, and the detail route. */
  get: Verb<{ id: number }, Dto>;
  /** When the detail route answers more than the other operations (a pool with its servers). */
  retrieve?: { output: z.ZodType<Detail>; verb: Verb<{ id: number }, Detail> };
  /** `replace` is true for PUT, which resets the writable fields it omits where the resource says so. */
  update: { replace: Replace; verb: (args: { ctx: ServiceContext; input: Partial<z.infer<Replace>> & { id: number }; replace: boolean }) => Promise<Dto> };
  delete: Verb<{ id: number }, void>;
  /** Throws when the actor may not write this resource at all (e.g. `requireStaff`). */
  writeAccess?: (ctx: ServiceContext) => void;
  /**
   * For resources scoped per actor: an object the actor cannot see answers 404 before `writeAccess`
   * answers 403, so a refusal never confirms that another group's object exists.
   */
  lookupBeforeWriteAccess?: boolean;
};

/**
 * DRF's ModelViewSet operations but create, for resources that come from elsewhere (servers are
 * registered, not posted: POST answers 405): list, retrieve, PUT (full), PATCH (partial), DELETE (204),
 * on `path` and `path/{id}`, each a call to one service verb. Writes check in DRF's order:
 * `writeAccess` (403), then the object (404), then the body (400).
 */
export function resourceProcedures<Dto, Replace extends ObjectSchema, Detail = Dto>(options: ResourceOptions<Dto, Replace, Detail>) {
  return buildProcedures(options).procedures;
}

function buildProcedures<Dto, Replace extends ObjectSchema, Detail>(options: ResourceOptions<Dto, Replace, Detail>) {
  const { path, tag, model, output } = options;
  const write = ({ lookup }: { lookup: boolean }) =>
    authedProcedure.use(async ({ ctx, getRawInput, next }) => {
      if (!options.lookupBeforeWriteAccess) options.writeAccess?.(ctx.service);
      const id = lookup ? ((await getRawInput()) as { id?: unknown } | undefined)?.id : undefined;
      if (typeof id === "number" && fitsInteger(id)) await options.get({ ctx: ctx.service, input: { id } });
      if (options.lookupBeforeWriteAccess) options.writeAccess?.(ctx.service);
      return next();
    });
  const detail = `${path}/{id}` as const;
  const retrieve = options.retrieve ?? { output: output as unknown as z.ZodType<Detail>, verb: options.get as unknown as Verb<{ id: number }, Detail> };
  const procedures = {
    list: authedProcedure
      .meta(operation(options, "GET", path, `List ${model} objects`))
      .input(listQuerySchema(options.list.config))
      .output(listOutputSchema(output, options.list.config))
      .query(({ ctx, input }) => options.list.verb({ ctx: ctx.service, input: input as ListQuery }) as never),
    get: authedProcedure
      .meta(operation(options, "GET", detail, `Retrieve a ${model}`))
      .input(idInput.extend(listQuerySchema(options.list.config).omit({ ordering: true, page: true, page_size: true }).shape))
      .output(retrieve.output)
      .query(async ({ ctx, input }) => {
        const { id, ...query } = input;
        const found = await retrieve.verb({ ctx: ctx.service, input: { id } });
        // DRF filters the queryset on detail routes too: an object the filters exclude is a 404.
        if (hasValues(query)) {
          const page = (await options.list.verb({ ctx: ctx.service, input: query as ListQuery })) as { results?: { id: number }[] } | { id: number }[];
          const rows = Array.isArray(page) ? page : (page.results ?? []);
          if (!rows.some((row) => row.id === id)) throw new NotFoundError(objectName(model));
        }
        return found;
      }),
    replace: write({ lookup: true })
      .meta(operation(options, "PUT", detail, `Replace a ${model} (every required field must be sent)`))
      .input(options.update.replace.extend(idInput.shape))
      .output(output)
      .mutation(({ ctx, input }) => options.update.verb({ ctx: ctx.service, input: input as never, replace: true })),
    update: write({ lookup: true })
      .meta(operation(options, "PATCH", detail, `Update some fields of a ${model}`))
      .input(options.update.replace.partial().extend(idInput.shape))
      .output(output)
      .mutation(({ ctx, input }) => options.update.verb({ ctx: ctx.service, input: input as never, replace: false })),
    delete: write({ lookup: options.lookupBeforeWriteAccess === true })
      .meta({ ...operation(options, "DELETE", detail, `Delete a ${model}`), successStatus: 204 })
      .input(idInput)
      .output(z.void())
      .mutation(async ({ ctx, input }) => {
        await options.delete({ ctx: ctx.service, input });
      }),
  };
  return { write, procedures };
}

function operation(options: { tag: string; access?: string }, method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", path: `/${string}`, summary: string) {
  return { openapi: { method, path, tags: [options.tag], summary, ...(options.access ? { description: options.access } : {}) } };
}

/** The six DRF ModelViewSet operations for one resource: `resourceProcedures` plus create (201). */
export function crudProcedures<Dto, Create extends ObjectSchema, Replace extends ObjectSchema, Detail = Dto>(
  options: ResourceOptions<Dto, Replace, Detail> & { create: { input: Create; verb: Verb<z.infer<Create>, Dto> } },
) {
  const { write, procedures } = buildProcedures(options);
  return {
    ...procedures,
    create: write({ lookup: false })
      .meta({ ...operation(options, "POST", options.path, `Create a ${options.model}`), successStatus: 201 })
      .input(options.create.input)
      .output(options.output)
      .mutation(({ ctx, input }) => options.create.verb({ ctx: ctx.service, input: input as z.infer<Create> })),
  };
}
