import { describe, expect, it } from "vitest";
import { pk, pkList } from "~/server/lib/fields";
import { z } from "~/server/lib/zod";
import { coerceInput } from "./input";

const schema = z.object({
  name: z.string().optional(),
  count: z.number().int().optional(),
  ratio: z.number().nullable().optional(),
  enabled: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
  owner: pk().describe("An owner id.").optional(),
  members: pkList().optional(),
  nested: z.object({ on: z.boolean() }).optional(),
});

describe("coerceInput (DRF's field reading)", () => {
  it("reads numbers, booleans and pks from strings, and numbers as strings", () => {
    expect(coerceInput([schema], { count: " 5 ", ratio: "0.5", enabled: "on", owner: "7", members: ["1", 2], name: 42, nested: { on: "False" } }, "json")).toEqual({
      count: 5,
      ratio: 0.5,
      enabled: true,
      owner: 7,
      members: [1, 2],
      name: "42",
      nested: { on: false },
    });
  });

  it.each([
    ["t", true],
    ["YES", true],
    [1, true],
    ["n", false],
    ["off", false],
    [0, false],
    ["maybe", "maybe"],
    [null, null],
    [2, 2],
  ])("reads the boolean %j as %j", (value, expected) => {
    expect(coerceInput([schema], { enabled: value }, "json")).toEqual({ enabled: expected });
  });

  it("leaves values a field cannot read for the schema to reject", () => {
    const data = { count: "abc", enabled: "maybe", owner: "x", members: "1", name: true, tags: "one" };
    expect(coerceInput([schema], data, "json")).toEqual(data);
  });

  it("makes a list of a single form or query value only where the field is a list; elsewhere the last value wins", () => {
    expect(coerceInput([schema], { tags: "one", members: "3", name: ["a", "b"], count: ["1", "2"] }, "form")).toEqual({
      tags: ["one"],
      members: [3],
      name: "b",
      count: 2,
    });
  });

  it("keeps keys the schemas do not know, for zod to strip, and merges several input schemas", () => {
    const extra = z.object({ id: z.number() });
    expect(coerceInput([schema, extra], { id: "9", unknown: "1" }, "query")).toEqual({ id: 9, unknown: "1" });
  });
});
