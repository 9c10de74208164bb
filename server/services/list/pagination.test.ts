import { describe, expect, it } from "vitest";
import { InvalidPageError, MAX_PAGE_SIZE, pageLinks, parsePageRequest } from "./pagination";

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

describe("pageLinks", () => {
  const base = "http://rack.example:8000/api/users/";
  const many = 1_000;

  it("replaces page and sorts the parameters by name", () => {
    expect(pageLinks(`${base}?z=1&page=2&a=2&page_size=1`, 2, 1, many).next).toBe(`${base}?a=2&page=3&page_size=1&z=1`);
  });

  it("drops page for the first page", () => {
    expect(pageLinks(`${base}?page=2&page_size=1`, 2, 1, many).previous).toBe(`${base}?page_size=1`);
    expect(pageLinks(`${base}?page=2`, 2, 1, many).previous).toBe(base);
  });

  it("keeps repeated parameters in their order and blank values", () => {
    expect(pageLinks(`${base}?tag=b&tag=a&search=&page=1`, 1, 1, many).next).toBe(`${base}?page=2&search=&tag=b&tag=a`);
  });

  it("encodes as Python's urlencode does", () => {
    expect(pageLinks(`${base}?search=a%20b*~!`, 1, 1, many).next).toBe(`${base}?page=2&search=a+b%2A~%21`);
  });

  it("answers each request URL for itself, next and previous of one after another", () => {
    const first = `${base}?page=2&page_size=1&z=1`;
    const second = "https://other.example/api/pool/?PAGE=x&page=5&pagez=1&pag=2";
    expect(pageLinks(first, 2, 1, many)).toEqual({ next: `${base}?page=3&page_size=1&z=1`, previous: `${base}?page_size=1&z=1` });
    expect(pageLinks(second, 5, 1, many)).toEqual({
      next: "https://other.example/api/pool/?PAGE=x&pag=2&page=6&pagez=1",
      previous: "https://other.example/api/pool/?PAGE=x&pag=2&page=4&pagez=1",
    });
    expect(pageLinks(first, 1, 1, many).next).toBe(`${base}?page=2&page_size=1&z=1`);
  });

  it("is null at either end, and without a request URL", () => {
    expect(pageLinks(`${base}?page=3`, 3, 10, 30)).toEqual({ next: null, previous: `${base}?page=2` });
    expect(pageLinks(base, 1, 10, 30)).toEqual({ next: `${base}?page=2`, previous: null });
    expect(pageLinks(base, 1, 10, 10)).toEqual({ next: null, previous: null });
    expect(pageLinks(undefined, 2, 1, many)).toEqual({ next: null, previous: null });
  });
});
