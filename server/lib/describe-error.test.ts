import { describe, expect, it } from "vitest";
import { describeError } from "./describe-error";

class FakeDrizzleQueryError extends Error {
  constructor(
    readonly query: string,
    readonly params: unknown[],
    cause: Error,
  ) {
    super(`Failed query: ${query}\nparams: ${params.join(",")}`, { cause });
    this.name = "DrizzleQueryError";
  }
}

describe("describeError", () => {
  it("names the error and its causes with their stack frames", () => {
    const text = describeError(new Error("outer", { cause: new TypeError("inner") }));
    expect(text).toMatch(/^Error: outer\n/);
    expect(text).toContain("caused by TypeError: inner");
    expect(text).toMatch(/\n {4}at /);
  });

  it("keeps a failed query's text but not its parameters", () => {
    const error = new FakeDrizzleQueryError('insert into "users" values ($1, $2)', ["alice", "$argon2id$v=19$secret-hash"], new Error("duplicate key"));
    const text = describeError(error);
    expect(text).toContain('DrizzleQueryError: Failed query: insert into "users" values ($1, $2)');
    expect(text).toContain("caused by Error: duplicate key");
    expect(text).not.toContain("argon2");
    expect(text).not.toContain("alice");
  });

  it("does not print a thrown non-error value", () => {
    expect(describeError("password=hunter2")).toBe("string");
  });
});
