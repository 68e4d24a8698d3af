import { Stack, Tabs } from '@mantine/core';
import { IconInbox, IconSend, IconUserQuestion } from '@tabler/icons-react';
import { useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../session/useSession';
import {
  type Box,
  filtersFromParams,
  filtersToParams,
  isFiltered,
  listQuery,
  NO_FILTERS,
  type ReferralFilters,
  staffSeen,
} from './filters';
import { useReferralList } from './queries';
import { ReferralFiltersForm } from './ReferralFiltersForm';
import { ReferralTable } from './ReferralTable';
import type { Person, ReferralSummary } from './types';

const TABS: Record<Box, { label: string; icon: typeof IconInbox }> = {
  pending: { label: 'Pending records', icon: IconUserQuestion },
  received: { label: 'Received', icon: IconInbox },
  sent: { label: 'Sent', icon: IconSend },
};

const EMPTY: Record<Box, string> = {
  pending: 'No referral waits for an answer.',
  received: 'No open referrals received.',
  sent: 'No open referrals sent. Start one from a client’s profile.',
};

/**
 * MT-14 / ND-1: received and sent referrals; gatekeepers start on Pending records, the referrals
 * to accept and assign or refuse. The tab and the filters live in the URL, so a list can be linked.
 */
export function ReferralsPage() {
  const gatekeeper = useCan()('referrals:assign');
  const boxes: Box[] = gatekeeper ? ['pending', 'received', 'sent'] : ['received', 'sent'];
  const [params, setParams] = useSearchParams();
  const parsed = filtersFromParams(params, boxes[0]!);
  const box = boxes.includes(parsed.box) ? parsed.box : boxes[0]!;
  const apply = (next: Box, filters: ReferralFilters) => setParams(filtersToParams(next, filters));

  return (
    <Stack gap="lg">
      <PageHeader
        title="Referrals"
        description={
          gatekeeper
            ? 'Pending records wait for your answer: accept and assign a provider, or refuse with a reason.'
            : 'Referrals you sent, and referrals assigned to you.'
        }
      />
      {/* Each tab's filters are its own: the staff member means the sender in one, the assignee in another. */}
      <Tabs value={box} onChange={(v) => v && apply(v as Box, NO_FILTERS)} keepMounted={false}>
        <Tabs.List aria-label="Referral lists">
          {boxes.map((b) => {
            const Icon = TABS[b].icon;
            return (
              <Tabs.Tab key={b} value={b} leftSection={<Icon size={16} aria-hidden />}>
                {TABS[b].label}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {boxes.map((b) => (
          <Tabs.Panel key={b} value={b} pt="md">
            <ReferralBox box={b} filters={parsed.filters} gatekeeper={gatekeeper} onApply={(f) => apply(b, f)} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

/** The staff members seen so far in this tab, so a chosen one can be swapped without clearing first. */
function useStaffSeen(box: Box, rows: ReferralSummary[]): Person[] {
  const seen = useRef(new Map<string, Person>());
  for (const p of staffSeen(box, rows)) seen.current.set(p.id, p);
  return [...seen.current.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function ReferralBox({
  box,
  filters,
  gatekeeper,
  onApply,
}: {
  box: Box;
  filters: ReferralFilters;
  gatekeeper: boolean;
  onApply: (filters: ReferralFilters) => void;
}) {
  const list = useReferralList(listQuery(box, filters, gatekeeper));
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const staff = useStaffSeen(box, rows);
  const filtered = isFiltered(filters);
  return (
    <Stack gap="md">
      <ReferralFiltersForm box={box} applied={filters} onApply={onApply} staff={gatekeeper ? staff : null} />
      <ErrorAlert error={list.error} title="Could not load the referrals" />
      {list.isPending && <LoadingBlock label="Loading the referrals" />}
      {list.isSuccess && rows.length === 0 && (
        <EmptyState>
          {filtered
            ? `No referrals match these filters.${filters.status === 'open' && box !== 'pending' ? ' Closed and refused ones show with “Any status”.' : ''}`
            : EMPTY[box]}
        </EmptyState>
      )}
      {rows.length > 0 && <ReferralTable box={box} rows={rows} />}
      <LoadMore pages={list} />
    </Stack>
  );
}
