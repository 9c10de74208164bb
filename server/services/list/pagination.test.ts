import { describe, expect, it } from "vitest";
import { InvalidPageError, MAX_PAGE_SIZE, pageUrl, parsePageRequest } from "./pagination";

describe("parsePageRequest", () => {
  it("is no paging without page or page_size", () => {
    expect(parsePageRequest(undefined, undefined)).toBeNull();
    expect(parsePageRequest("", "")).toBeNull();
  });

  it.each([
    [undefined, "10", { number: 1, size: 10 }],
    ["2", "10", { number: 2, size: 10 }],
    ["2", undefined, { number: 2, size: MAX_PAGE_SIZE }],
    ["last", "5", { number: "last", size: 5 }],
    ["last", undefined, { number: "last", size: MAX_PAGE_SIZE }],
    ["+3", " 7 ", { number: 3, size: 7 }],
    ["1", "5000", { number: 1, size: MAX_PAGE_SIZE }],
  ])("page=%j page_size=%j -> %j", (page, size, expected) => {
    expect(parsePageRequest(page, size)).toEqual(expected);
  });

  it.each(["abc", "0", "-1", "1.5", "1e2"])("page=%j is an invalid page", (page) => {
    expect(() => parsePageRequest(page, "10")).toThrow(InvalidPageError);
  });

  it.each(["abc", "0", "-5", "2.5"])("page_size=%j is ignored", (size) => {
    expect(parsePageRequest(undefined, size)).toBeNull();
    expect(parsePageRequest("2", size)).toEqual({ number: 2, size: MAX_PAGE_SIZE });
  });
});

describe("pageUrl", () => {
  const base = "http://rack.example:8000/api/users/";

  it("replaces page and sorts the parameters by name", () => {
    expect(pageUrl(`${base}?z=1&page=2&a=2&page_size=1`, 3)).toBe(`${base}?a=2&page=3&page_size=1&z=1`);
  });

  it("drops page for the first page", () => {
    expect(pageUrl(`${base}?page=2&page_size=1`, 1)).toBe(`${base}?page_size=1`);
    expect(pageUrl(`${base}?page=2`, 1)).toBe(base);
  });

  it("keeps repeated parameters in their order and blank values", () => {
    expect(pageUrl(`${base}?tag=b&tag=a&search=&page=1`, 2)).toBe(`${base}?page=2&search=&tag=b&tag=a`);
  });

  it("encodes as Python's urlencode does", () => {
    expect(pageUrl(`${base}?search=a%20b*~!`, 2)).toBe(`${base}?page=2&search=a+b%2A~%21`);
  });

  it("answers each request URL for itself, next and previous of one after another", () => {
    const first = `${base}?page=2&page_size=1&z=1`;
    const second = "https://other.example/api/pool/?PAGE=x&page=5&pagez=1&pag=2";
    expect([pageUrl(first, 3), pageUrl(first, 1)]).toEqual([`${base}?page=3&page_size=1&z=1`, `${base}?page_size=1&z=1`]);
    expect([pageUrl(second, 6), pageUrl(second, 4)]).toEqual([
      "https://other.example/api/pool/?PAGE=x&pag=2&page=6&pagez=1",
      "https://other.example/api/pool/?PAGE=x&pag=2&page=4&pagez=1",
    ]);
    expect(pageUrl(first, 2)).toBe(`${base}?page=2&page_size=1&z=1`);
  });

  it("is null without a request URL", () => {
    expect(pageUrl(undefined, 2)).toBeNull();
  });
});
