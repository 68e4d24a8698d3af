import { Button, Group, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { useNetwork } from '../session/useSession';
import { DirectoryCard } from './DirectoryCard';
import { DirectoryFilters } from './DirectoryFilters';
import { exportHref, type FilterKey, filtersFrom, hasFilters, withFilter } from './filters';
import { useDirectorySearch } from './queries';

const EXPORTS = [
  { format: 'csv', label: 'Export CSV', Icon: IconFileTypeCsv },
  { format: 'xlsx', label: 'Export Excel', Icon: IconFileSpreadsheet },
] as const;

/**
 * MT-9 / MT-15 "agencies report": every program of the network by region, county (telemedicine
 * included), service, insurance and name; the filters live in the URL, so a search is a link.
 */
export function DirectoryPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const network = useNetwork().data;
  const search = useDirectorySearch(filters);
  const rows = search.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = hasFilters(filters);

  const onChange = useCallback(
    (key: FilterKey, value: string | null) => setParams((p) => withFilter(p, key, value), { replace: true }),
    [setParams],
  );
  const clear = () => setParams(new URLSearchParams(), { replace: true });

  return (
    <Stack gap="lg">
      <PageHeader
        title="Directory"
        description="Programs of the network you can refer to. Combine up to five filters; export what you see."
        actions={EXPORTS.map(({ format, label, Icon }) => (
          <Button
            key={format}
            component="a"
            href={exportHref(filters, format)}
            download
            variant="default"
            leftSection={<Icon size={16} aria-hidden />}
          >
            {label}
          </Button>
        ))}
      />
      <DirectoryFilters filters={filters} onChange={onChange} onClear={clear} />
      <section aria-label="Programs found" aria-busy={search.isFetching}>
        <ErrorAlert error={search.error} title="Could not search the directory" />
        {search.isPending && <LoadingBlock label="Searching the directory" />}
        {search.isSuccess && rows.length === 0 && (
          <EmptyState>
            {filtered ? 'No programs match these filters.' : 'The directory has no programs yet.'}
            {network?.requiresAgencyAgreement &&
              ' Programs appear here once a gatekeeper has signed their agency agreement.'}
            {filtered && (
              <Group justify="center" mt="sm" component="span" display="flex">
                <Button variant="default" onClick={clear}>
                  Clear filters
                </Button>
              </Group>
            )}
          </EmptyState>
        )}
        {rows.length > 0 && (
          <>
            <Text mb="sm" role="status">
              {rows.length === 1 ? '1 program' : `${rows.length} programs`}
              {search.hasNextPage ? ' shown, more below' : ''}
              {filtered ? ' match these filters.' : ' in the directory.'}
            </Text>
            <Stack gap="md">
              {rows.map((entry) => (
                <DirectoryCard key={entry.id} entry={entry} showAgreement={Boolean(network?.requiresAgencyAgreement)} />
              ))}
            </Stack>
          </>
        )}
        <LoadMore pages={search} />
      </section>
    </Stack>
  );
}
