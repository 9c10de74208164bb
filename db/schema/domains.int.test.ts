import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { is, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client";
import * as schema from "~/db/schema";
import { CHOICE_DOMAINS } from "~/db/schema/checks";
import { useFreshDatabase } from "~/db/testing/database";

let drop: () => Promise<void>;
beforeAll(async () => ({ drop } = await useFreshDatabase()));
afterAll(() => drop());

const failure = (query: Promise<unknown>) =>
  query.then(
    () => null,
    (error: unknown) => error as { cause?: { code?: string } },
  );

// The migrations write the domains by hand (drizzle-kit does not): they must say what choices.ts says.
describe("the status and kind domains", () => {
  it("are exactly CHOICE_DOMAINS, each checking its list of choices.ts in order", async () => {
    const rows = await getDb().execute<{ name: string; definition: string }>(sql`
      select t.typname as name, pg_get_constraintdef(c.oid) as definition
      from pg_type t join pg_constraint c on c.contypid = t.oid
      where t.typtype = 'd' and t.typnamespace = 'public'::regnamespace order by t.typname`);
    // `CHECK ((VALUE = ANY (ARRAY['a'::text, 'b'::text])))`, or `CHECK ((VALUE = 'a'::text))` for one value.
    const checked = Object.fromEntries([...rows].map((row) => [row.name, [...row.definition.matchAll(/'((?:[^']|'')*)'::text/g)].map((match) => match[1])]));
    expect(checked).toEqual(Object.fromEntries(Object.entries(CHOICE_DOMAINS).map(([name, values]) => [name, [...values]])));
  });

  it("type every column the schema declares with one, and no other", async () => {
    const declared = (Object.values(schema).filter((value) => is(value, PgTable)) as PgTable[]).flatMap((table) => {
      const config = getTableConfig(table);
      return config.columns
        .filter((column) => column.getSQLType() in CHOICE_DOMAINS)
        .map((column) => `${config.name}.${toSnakeCase(column.name)} ${column.getSQLType()}`);
    });
    const rows = await getDb().execute<{ column: string }>(sql`
      select table_name || '.' || column_name || ' ' || domain_name as column
      from information_schema.columns where table_schema = 'public' and domain_name is not null`);
    expect([...rows].map((row) => row.column).sort()).toEqual(declared.sort());
    expect(declared).toContain("request_steps.status request_step_status");
  });

  it.each(Object.keys(CHOICE_DOMAINS))("%s refuses a value outside its list", async (domain) => {
    const error = await failure(getDb().execute(sql`select ${"bogus"}::${sql.identifier(domain)}`));
    expect(error?.cause?.code).toBe("23514");
  });
});
