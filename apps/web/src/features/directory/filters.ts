/** The five directory filters (MT-9, MT-15), as they appear in the page's URL and the API's query. */
export const FILTER_KEYS = ['region', 'county', 'service', 'insurance', 'q'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** The filters of a URL query, empty ones left out, so the page is shareable as a link. */
export function filtersFrom(params: URLSearchParams): Filters {
  const out: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) out[key] = value;
  }
  return out;
}

/** The URL query of the filters, keeping any other parameters of the page. */
export function withFilter(params: URLSearchParams, key: FilterKey, value: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value?.trim()) next.set(key, value.trim());
  else next.delete(key);
  return next;
}

export const hasFilters = (f: Filters) => FILTER_KEYS.some((k) => Boolean(f[k]));

/** The export link of the same search: a plain same-origin link, so the session cookie goes along. */
export function exportHref(filters: Filters, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key]!);
  params.set('format', format);
  return `/api/directory/programs/export?${params.toString()}`;
}
