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

type PagedQuery = { requestUrl: string; base: string; before: string[]; after: string[] };

// A page's `next` and `previous` come from one request URL: it is parsed, sorted and encoded once.
let lastQuery: PagedQuery | undefined;

function pagedQuery(requestUrl: string): PagedQuery {
  if (lastQuery?.requestUrl === requestUrl) return lastQuery;
  const url = new URL(requestUrl);
  const params = [...url.searchParams.entries()].filter(([key]) => key !== "page");
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const encoded = (entries: Array<[string, string]>) => entries.map(([key, value]) => `${quotePlus(key)}=${quotePlus(value)}`);
  url.search = "";
  lastQuery = {
    requestUrl,
    base: url.toString(),
    before: encoded(params.filter(([key]) => key < "page")),
    after: encoded(params.filter(([key]) => key > "page")),
  };
  return lastQuery;
}

/**
 * DRF's replace_query_param / remove_query_param: the same URL with `page` replaced (removed for
 * page 1), parameters sorted by name (values of one name keep their order), encoded as Python does.
 */
export function pageUrl(requestUrl: string | undefined, page: number): string | null {
  if (!requestUrl) return null;
  const { base, before, after } = pagedQuery(requestUrl);
  const params = page > 1 ? [...before, `page=${page}`, ...after] : [...before, ...after];
  return params.length ? `${base}?${params.join("&")}` : base;
}
