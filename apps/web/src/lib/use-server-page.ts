import type { PageInfo } from '@ftai/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/** A paged answer of the API: the list's items under its own key, and `page`. */
export interface Paged {
  readonly page: PageInfo;
}

/**
 * One page of a server-paged list (keyset: @ftai/api page.ts). The cursors of the pages seen are
 * kept, so the visitor goes forward one page at a time and back to any page seen; a change of
 * `filters` (whatever the query string holds besides the cursor) starts again at the first page.
 *
 * `path` is the list's URL without `limit` and `after`; `params` its other query fields.
 */
export function useServerPage<T extends Paged>(
  queryKey: readonly unknown[],
  path: string,
  params: Record<string, string | number | undefined>,
  fetchPage: (url: string) => Promise<T>,
  limit = 50,
  enabled = true,
) {
  const filters = JSON.stringify(params);
  // cursors[i] is the `after` of page i (undefined for the first).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [index, setIndex] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts again from the first page
  useEffect(() => {
    setCursors([undefined]);
    setIndex(0);
  }, [filters]);
  const after = cursors[index];
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  search.set('limit', String(limit));
  if (after !== undefined) search.set('after', after);
  const query = useQuery({
    queryKey: [...queryKey, filters, limit, after ?? ''],
    queryFn: () => fetchPage(`${path}?${search.toString()}`),
    placeholderData: keepPreviousData,
    enabled,
  });
  const next = query.data?.page.next ?? null;
  return {
    ...query,
    /** 0-based index of the page shown. */
    pageIndex: index,
    total: query.data?.page.total ?? 0,
    hasPrevious: index > 0,
    hasNext: next !== null,
    previous: () => setIndex((i) => Math.max(0, i - 1)),
    first: () => setIndex(0),
    next: () => {
      if (next === null) return;
      setCursors((c) => [...c.slice(0, index + 1), next]);
      setIndex((i) => i + 1);
    },
  };
}
