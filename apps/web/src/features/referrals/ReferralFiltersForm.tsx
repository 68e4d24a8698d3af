import { Button, Group, Paper, Select, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { type Box, isFiltered, NO_FILTERS, type ReferralFilters, statusOptions } from './filters';
import { serviceStatusOptions } from './referralText';
import type { Person } from './types';

interface Props {
  box: Box;
  applied: ReferralFilters;
  onApply: (filters: ReferralFilters) => void;
  /** MT-14: gatekeepers filter by staff member, chosen from the people the list shows. */
  staff: Person[] | null;
}

const BOX_NAMES: Record<Box, string> = {
  pending: 'pending records',
  received: 'received referrals',
  sent: 'sent referrals',
};

/** MT-14 filters; they apply on submit, so typing a name does not reload the list at every key. */
export function ReferralFiltersForm({ box, applied, onApply, staff }: Props) {
  const [draft, setDraft] = useState(applied);
  const appliedKey = JSON.stringify(applied);
  // Links and back/forward change the URL; the form then shows what is applied.
  useEffect(() => setDraft(JSON.parse(appliedKey) as ReferralFilters), [appliedKey]);
  const set = (next: Partial<ReferralFilters>) => setDraft((d) => ({ ...d, ...next }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const staffOptions = (staff ?? []).map((p) => ({ value: p.id, label: p.name }));
  if (draft.staffId && !staffOptions.some((o) => o.value === draft.staffId)) {
    staffOptions.unshift({ value: draft.staffId, label: 'The chosen staff member' });
  }
  const pending = box === 'pending';

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={`Filter ${BOX_NAMES[box]}`}>
      <Group align="flex-end" gap="md">
        {!pending && (
          <Select
            label="Status"
            data={statusOptions(box)}
            value={draft.status}
            onChange={(v) => set({ status: v ?? NO_FILTERS.status })}
            allowDeselect={false}
            w={300}
          />
        )}
        {!pending && (
          <Select
            label="Service status"
            data={serviceStatusOptions()}
            placeholder="Any service status"
            value={draft.serviceStatus || null}
            onChange={(v) => set({ serviceStatus: v ?? '' })}
            clearable
            searchable
            w={300}
          />
        )}
        {staff && !pending && (
          <Select
            label={box === 'sent' ? 'Sent by' : 'Assigned to'}
            data={staffOptions}
            placeholder="Anyone"
            nothingFoundMessage="Nobody in this list yet"
            value={draft.staffId || null}
            onChange={(v) => set({ staffId: v ?? '' })}
            clearable
            searchable
            w={240}
          />
        )}
        <TextInput
          label="Date from"
          type="date"
          value={draft.from}
          onChange={(e) => set({ from: e.currentTarget.value })}
        />
        <TextInput label="Date to" type="date" value={draft.to} onChange={(e) => set({ to: e.currentTarget.value })} />
        <TextInput
          label="Client name"
          value={draft.q}
          maxLength={100}
          onChange={(e) => set({ q: e.currentTarget.value })}
          w={220}
        />
        <Button type="submit">Apply filters</Button>
        {isFiltered(applied) && (
          <Button variant="default" onClick={() => onApply(NO_FILTERS)}>
            Clear filters
          </Button>
        )}
      </Group>
    </Paper>
  );
}
