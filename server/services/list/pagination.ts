import { DomainError } from "../errors";

export const MAX_PAGE_SIZE = 1000;

export type PageRequest = { number: number | "last"; size: number } | null;

export class InvalidPageError extends DomainError {
  constructor() {
    super(404, { detail: "Invalid page." });
  }
}

// What Python's int() reads: optional sign and surrounding whitespace around decimal digits.
const PYTHON_INT = /^\s*[+-]?\d+\s*$/;

/**
 * DRF's PageNumberPagination: `page_size` that is not a positive integer is ignored and capped at the
 * maximum; `page` alone pages by the maximum size; an empty `page` is no `page`; `last` is the last page.
 */
export function parsePageRequest(page: string | undefined, pageSize: string | undefined): PageRequest {
  const size = PYTHON_INT.test(pageSize ?? "") && Number(pageSize) > 0 ? Math.min(Number(pageSize), MAX_PAGE_SIZE) : undefined;
  const number = page === "" ? undefined : page;
  if (number === undefined && size === undefined) return null;
  if (number === undefined) return { number: 1, size: size! };
  if (number === "last") return { number: "last", size: size ?? MAX_PAGE_SIZE };
  const request = { number: Number(number), size: size ?? MAX_PAGE_SIZE };
  // A page whose offset no integer can hold is past the last page of any list.
  if (!PYTHON_INT.test(number) || request.number < 1 || !Number.isSafeInteger((request.number - 1) * request.size)) throw new InvalidPageError();
  return request;
}

/** Python's urlencode (quote_plus): only letters, digits and `_.-~` stay as they are. */
function quotePlus(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replaceAll("%20", "+");
}

/**
 * DRF's replace_query_param / remove_query_param for one request URL, parsed once: the same URL with
 * `page` replaced (removed for page 1), parameters sorted by name (values of one name keep their
 * order), encoded as Python does.
 */
function pageUrlsOf(requestUrl: string): (page: number) => string {
  const url = new URL(requestUrl);
  const params = [...url.searchParams.entries()].filter(([key]) => key !== "page");
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const encoded = (entries: Array<[string, string]>) => entries.map(([key, value]) => `${quotePlus(key)}=${quotePlus(value)}`);
  const before = encoded(params.filter(([key]) => key < "page"));
  const after = encoded(params.filter(([key]) => key > "page"));
  url.search = "";
  const base = url.toString();
  return (page) => {
    const query = page > 1 ? [...before, `page=${page}`, ...after] : [...before, ...after];
    return query.length ? `${base}?${query.join("&")}` : base;
  };
}

/** A page's `next` and `previous` links (null at either end, or without a request URL). */
export function pageLinks(requestUrl: string | undefined, number: number, size: number, count: number): { next: string | null; previous: string | null } {
  const hasNext = number * size < count;
  if (!requestUrl || (!hasNext && number <= 1)) return { next: null, previous: null };
  const urlOf = pageUrlsOf(requestUrl);
  return { next: hasNext ? urlOf(number + 1) : null, previous: number > 1 ? urlOf(number - 1) : null };
}
