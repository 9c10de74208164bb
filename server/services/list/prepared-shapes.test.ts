import { describe, expect, it } from "vitest";
import { PreparedShapes } from "./prepared-shapes";

describe("PreparedShapes", () => {
  it("prepares a text from its second use on", () => {
    const shapes = new PreparedShapes(2);
    expect(shapes.admits("a")).toBe(false);
    expect(shapes.admits("a")).toBe(true);
    expect(shapes.admits("a")).toBe(true);
  });

  it("prepares no more than its capacity of texts, and keeps those it prepared", () => {
    const shapes = new PreparedShapes(2);
    for (const text of ["a", "a", "b", "b", "c"]) shapes.admits(text);
    expect(shapes.admits("c")).toBe(false);
    expect(shapes.admits("c")).toBe(false);
    expect(shapes.admits("a")).toBe(true);
    expect(shapes.admits("b")).toBe(true);
  });

  it("forgets texts used once when too many are waiting, so they cannot grow without bound", () => {
    const shapes = new PreparedShapes(1);
    for (const text of ["a", "b", "c", "d"]) shapes.admits(text);
    shapes.admits("e"); // the fifth text used once: the first four are forgotten
    expect(shapes.admits("a")).toBe(false);
    expect(shapes.admits("e")).toBe(true);
  });
});
