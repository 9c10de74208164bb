import { describe, expect, it } from "vitest";
import { zodIssuesToDrf } from "./drf-errors";
import { z } from "./zod";

const drfErrors = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error("expected a validation failure");
  return zodIssuesToDrf(result.error.issues);
};

describe("zodIssuesToDrf", () => {
  it("lists each field's messages, every field at once", () => {
    const schema = z.object({ a: z.string().max(2).regex(/^\d+$/, { error: "Digits only." }), b: z.boolean() });
    expect(drfErrors(schema, { a: "abc", b: "x" })).toEqual({
      a: ["Ensure this field has no more than 2 characters.", "Digits only."],
      b: ["Must be a valid boolean."],
    });
  });

  it("reports a blank string alone, as DRF stops there", () => {
    const schema = z.object({ name: z.string().trim().min(1).regex(/^\w+$/, { error: "Letters only." }) });
    expect(drfErrors(schema, { name: "  " })).toEqual({ name: ["This field may not be blank."] });
  });

  it("reports a value of the wrong type alone, without length checks zod still runs", () => {
    const schema = z.object({ password: z.string().min(8).max(10) });
    expect(drfErrors(schema, { password: ["a", "b"] })).toEqual({ password: ["Not a valid string."] });
  });

  it("nests errors of nested objects and puts root errors in non_field_errors", () => {
    expect(drfErrors(z.object({ outer: z.object({ inner: z.string() }) }), { outer: { inner: 1 } })).toEqual({ outer: { inner: ["Not a valid string."] } });
    expect(drfErrors(z.object({}), [])).toEqual({ non_field_errors: ["Invalid data. Expected a dictionary, but got list."] });
  });
});
