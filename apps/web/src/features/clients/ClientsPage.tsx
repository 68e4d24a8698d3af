import { Button, Stack, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrorGetter } from '../../components/FormError';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../session/useSession';
import { ClientResults } from './ClientResults';
import { ClientSearchForm } from './ClientSearchForm';
import { useClientSearch } from './queries';
import type { ClientSearch } from './types';

const KEYS = ['q', 'memberId', 'firstName', 'lastName', 'birthDate'] as const;

/** MT-7: find the client first; only then create one, starting from what was searched. The search is in the URL. */
export function ClientsPage() {
  const [params, setParams] = useSearchParams();
  const can = useCan();
  const search = useMemo(() => {
    const s: ClientSearch = {};
    for (const k of KEYS) {
      const v = params.get(k);
      if (v) s[k] = v;
    }
    return s;
  }, [params]);
  const found = useClientSearch(search);
  const searched = KEYS.some((k) => search[k]);
  const rows = found.data?.items.map((i) => i.client) ?? [];
  // A 400 names the criterion at fault; show it under that box rather than as an alert.
  const err = fieldErrorGetter(found.error);
  const fieldError = KEYS.some((k) => err(k));

  return (
    <Stack gap="lg">
      <PageHeader
        title="Clients"
        description="Search before you create a client: the person may already be known to the network."
        actions={
          can('clients:write') && (
            <Button
              component={Link}
              to={`/clients/new${params.size ? `?${params.toString()}` : ''}`}
              leftSection={<IconUserPlus size={16} aria-hidden />}
            >
              New client
            </Button>
          )
        }
      />
      <ClientSearchForm
        search={search}
        onSearch={(s) => setParams(new URLSearchParams(s as Record<string, string>))}
        err={err}
      />
      <section aria-label="Clients found" aria-busy={found.isFetching}>
        {!fieldError && <ErrorAlert error={found.error} title="Could not search the clients" />}
        {searched && found.isPending && <LoadingBlock label="Searching the clients" />}
        {!searched && <Text>Search by name, member ID, or exact name and date of birth.</Text>}
        {searched && found.isSuccess && rows.length === 0 && (
          <EmptyState>No client found — check the spelling or create a new client.</EmptyState>
        )}
        {searched && rows.length > 0 && (
          <>
            <Text mb="sm" role="status">
              {rows.length === 1 ? '1 client found.' : `${rows.length} clients found.`}
            </Text>
            <ClientResults clients={rows} />
          </>
        )}
      </section>
    </Stack>
  );
}
