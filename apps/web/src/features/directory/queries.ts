import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { get } from '../../lib/api';
import type { Page } from '../../lib/types';
import type { Filters } from './filters';
import type { DirectoryEntry, Facets, TopTerm } from './types';

/** The network's service taxonomy; it changes only with an import, so it is kept for the session. */
export function useTaxonomy() {
  return useQuery({
    queryKey: ['directory', 'taxonomy'],
    queryFn: () => get<{ items: TopTerm[] }>('/api/directory/taxonomy'),
    staleTime: 10 * 60_000,
  });
}

/** The taxonomy as select options grouped by top-level term, the top-level term itself first ("Health (all)"). */
export function useServiceOptions(value: 'id' | 'code', topSuffix: string) {
  const taxonomy = useTaxonomy();
  return useMemo(
    () =>
      (taxonomy.data?.items ?? []).map((top) => ({
        group: top.name,
        items: [
          { value: top[value], label: `${top.name} ${topSuffix}` },
          ...top.children.map((c) => ({ value: c[value], label: c.name })),
        ],
      })),
    [taxonomy.data, value, topSuffix],
  );
}

export function useFacets() {
  return useQuery({ queryKey: ['directory', 'facets'], queryFn: () => get<Facets>('/api/directory/facets') });
}

/** The directory search, page by page; the previous results stay on screen while a new filter loads. */
export function useDirectorySearch(filters: Filters) {
  return useInfiniteQuery({
    queryKey: ['directory', 'programs', filters],
    queryFn: ({ pageParam }) =>
      get<Page<DirectoryEntry>>('/api/directory/programs', { ...filters, cursor: pageParam, limit: 25 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
