import { describe, expect, it } from "vitest";
import { users } from "~/db/schema";
import { z } from "~/server/lib/zod";
import { listOutputSchema } from "./schemas";
import type { ListConfig } from "./types";

const config: ListConfig = { table: users, primaryKey: users.id, searchFields: [], filters: {}, ordering: {}, defaultOrdering: [] };
const item = z.object({ id: z.number().int(), name: z.string() });

describe("listOutputSchema (what tRPC checks a list's output with, through parseAsync)", () => {
  it("answers what zod's parse answers: the schema's keys in the schema's order, extra keys dropped", async () => {
    const page = { results: [{ name: "a", extra: true, id: 1 }], previous: null, next: null, count: 1 };
    const parsed = await listOutputSchema(item, config).parseAsync(page);
    expect(JSON.stringify(parsed)).toBe('{"count":1,"next":null,"previous":null,"results":[{"id":1,"name":"a"}]}');
  });

  it("still refuses an output that does not fit, with zod's error", async () => {
    await expect(listOutputSchema(item, config).parseAsync({ count: 1, next: null, previous: null, results: [{ id: "1", name: "a" }] })).rejects.toBeInstanceOf(z.ZodError);
    await expect(listOutputSchema(item, { ...config, bareArrayUnlessPaged: true }).parseAsync([{ id: 1 }])).rejects.toBeInstanceOf(z.ZodError);
  });
});
