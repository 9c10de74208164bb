import { DomainError } from "../errors";

export const MAX_PAGE_SIZE = 1000;

export type PageRequest = { number: number | "last"; size: number } | null;

export class InvalidPageError extends DomainError {
  constructor() {
    super(404, { detail: "Invalid page." });
  }
}

/** `page_size` that is not a positive number is ignored; `page` alone pages by the maximum size. */
export function parsePageRequest(page: string | undefined, pageSize: string | undefined): PageRequest {
  const size = /^\d+$/.test(pageSize ?? "") && Number(pageSize) > 0 ? Math.min(Number(pageSize), MAX_PAGE_SIZE) : undefined;
  if (page === undefined && size === undefined) return null;
  if (page === undefined) return { number: 1, size: size! };
  if (page === "last") return { number: "last", size: size ?? MAX_PAGE_SIZE };
  if (!/^\d+$/.test(page) || Number(page) < 1) throw new InvalidPageError();
  return { number: Number(page), size: size ?? MAX_PAGE_SIZE };
}

/** DRF's replace_query_param: the same URL with `page` replaced (removed for page 1), parameters sorted. */
export function pageUrl(requestUrl: string | undefined, page: number): string | null {
  if (!requestUrl) return null;
  const url = new URL(requestUrl);
  const params = [...url.searchParams.entries()].filter(([key]) => key !== "page");
  if (page > 1) params.push(["page", String(page)]);
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(params).toString();
  return url.toString();
}
