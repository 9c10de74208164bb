"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";

export const DEFAULT_PAGE_SIZE = 25;

/**
 * A table's search, ordering, paging and filters live in the URL, so a shared link reproduces the view.
 * Returns the list-helper query (every value a string, as the REST API takes it) and a setter.
 */
export function useListParams(filterNames: readonly string[] = []) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();

  const query = useMemo(() => {
    const values: Record<string, string> = {
      page: params.get("page") ?? "1",
      page_size: params.get("page_size") ?? String(DEFAULT_PAGE_SIZE),
    };
    for (const name of ["search", "ordering", ...filterNames]) {
      const value = params.get(name);
      if (value) values[name] = value;
    }
    return values;
  }, [params, filterNames]);

  const update = useCallback(
    (changes: Record<string, string | undefined>, { resetPage = true } = {}) => {
      const next = new URLSearchParams(params.toString());
      for (const [name, value] of Object.entries(changes)) {
        if (value === undefined || value === "") next.delete(name);
        else next.set(name, value);
      }
      if (resetPage && !("page" in changes)) next.delete("page");
      const search = next.toString();
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );

  return { query, update };
}

export type ListParams = ReturnType<typeof useListParams>;

/**
 * The same query and setter kept in component state instead of the URL: for a second table on a page
 * (a picker in a dialog), whose paging must not fight the page's own table for the URL.
 */
export function useLocalListParams(pageSize = DEFAULT_PAGE_SIZE): ListParams {
  const [query, setQuery] = useState<Record<string, string>>({ page: "1", page_size: String(pageSize) });
  const update = useCallback((changes: Record<string, string | undefined>, { resetPage = true } = {}) => {
    setQuery((current) => {
      const next: Record<string, string> = { ...current };
      for (const [name, value] of Object.entries(changes)) {
        if (value === undefined || value === "") delete next[name];
        else next[name] = value;
      }
      if (resetPage && !("page" in changes)) next.page = "1";
      return next;
    });
  }, []);
  return { query, update };
}

/** A table's query with filters the page fixes (a pool's own servers), as the list input. */
export function withFilter(query: Record<string, string>, fixed: Record<string, string>): Record<string, string> {
  return { ...query, ...fixed };
}
