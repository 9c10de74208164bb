import { describe, expect, it } from "vitest";
import { pythonTypeName, z } from "./zod";

const messages = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe("DRF validation messages", () => {
  it.each([
    ["missing", z.object({ a: z.string() }), {}, "This field is required."],
    ["null", z.string(), null, "This field may not be null."],
    ["blank", z.string().min(1), "", "This field may not be blank."],
    ["not a string", z.string(), true, "Not a valid string."],
    ["too long", z.string().max(3), "abcd", "Ensure this field has no more than 3 characters."],
    ["not a boolean", z.boolean(), "maybe", "Must be a valid boolean."],
    ["string for an integer", z.number().int(), "abc", "A valid integer is required."],
    ["fraction for an integer", z.number().int(), 1.5, "A valid integer is required."],
    ["string for z.int()", z.int(), "abc", "A valid integer is required."],
    ["string for a number", z.number(), "abc", "A valid number is required."],
    ["choice", z.enum(["a", "b"]), "x", '"x" is not a valid choice.'],
    ["list", z.array(z.number()), "str", 'Expected a list of items but got type "str".'],
    ["dictionary", z.object({}), [1], "Invalid data. Expected a dictionary, but got list."],
    ["email", z.email(), "nope", "Enter a valid email address."],
    ["ip address", z.union([z.ipv4(), z.ipv6()]), "nope", "Enter a valid IPv4 or IPv6 address."],
    ["blank-or-email", z.union([z.literal(""), z.email()]), "nope", "Enter a valid email address."],
    ["blank-or-email, not a string", z.union([z.literal(""), z.email()]), 5, "Not a valid string."],
  ])("%s", (_name, schema, value, expected) => {
    expect(messages(schema, value)).toEqual([expected]);
  });
});

describe("pythonTypeName", () => {
  it.each([
    [null, "NoneType"],
    [[], "list"],
    ["x", "str"],
    [true, "bool"],
    [1, "int"],
    [1.5, "float"],
    [{}, "dict"],
  ])("%j is %s", (value, name) => {
    expect(pythonTypeName(value)).toBe(name);
  });
});

describe("choices", () => {
  const status = z.object({ status: z.enum(["ready", "scanning"]) });
  it.each([
    [{}, "This field is required."],
    [{ status: null }, "This field may not be null."],
    [{ status: "foo" }, '"foo" is not a valid choice.'],
  ])("%j -> %s", (input, message) => {
    const result = status.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe(message);
  });
});
