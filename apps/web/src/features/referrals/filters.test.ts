import { describe, expect, it } from 'vitest';
import {
  filtersFromParams,
  filtersToParams,
  isFiltered,
  listQuery,
  NO_FILTERS,
  staffSeen,
  statusOptions,
} from './filters';
import type { ReferralSummary } from './types';

describe('referral list filters (MT-14, ND-1)', () => {
  it('reads the tab and filters from the URL, falling back to the first tab and open referrals', () => {
    const { box, filters } = filtersFromParams(new URLSearchParams('box=sent&status=any&q=%20Ana%20'), 'pending');
    expect(box).toBe('sent');
    expect(filters).toEqual({ ...NO_FILTERS, status: 'any', q: 'Ana' });
    expect(filtersFromParams(new URLSearchParams('box=nonsense'), 'received')).toEqual({
      box: 'received',
      filters: NO_FILTERS,
    });
  });

  it('writes only what differs from the defaults, so a plain link stays plain', () => {
    expect(filtersToParams('received', NO_FILTERS).toString()).toBe('box=received');
    const params = filtersToParams('sent', { ...NO_FILTERS, status: 'closed', from: '2026-01-01' });
    expect(params.toString()).toBe('box=sent&status=closed&from=2026-01-01');
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, q: 'Ana' })).toBe(true);
  });

  it('asks the API for open referrals by default; Pending records are received ones not yet assigned', () => {
    expect(listQuery('received', NO_FILTERS, false)).toMatchObject({ box: 'received', status: undefined });
    expect(listQuery('pending', { ...NO_FILTERS, status: 'any' }, true)).toMatchObject({
      box: 'received',
      status: 'sent',
    });
    expect(listQuery('sent', { ...NO_FILTERS, status: 'any' }, false).status).toBe('any');
  });

  it('MT-14: sends the staff member only for gatekeepers', () => {
    const f = { ...NO_FILTERS, staffId: 'u-pat' };
    expect(listQuery('sent', f, true).staffId).toBe('u-pat');
    expect(listQuery('sent', f, false).staffId).toBeUndefined();
  });

  it('offers "any status" as the only choice with closed and refused, and no drafts in received lists', () => {
    const received = statusOptions('received').map((o) => o.value);
    expect(received).toEqual(['open', 'sent', 'assigned', 'refused', 'closed', 'any']);
    expect(statusOptions('sent').map((o) => o.value)).toContain('draft');
    expect(statusOptions('sent').at(-1)?.label).toBe('Any status — includes closed and refused');
  });

  it('MT-14: chooses staff from the list: senders of sent referrals, assignees of received ones', () => {
    const rows = [
      { createdBy: { id: 'a', name: 'Zoe' }, assignee: { id: 'b', name: 'Pat' } },
      { createdBy: { id: 'c', name: 'Ana' }, assignee: null },
      { createdBy: { id: 'a', name: 'Zoe' }, assignee: { id: 'b', name: 'Pat' } },
    ] as ReferralSummary[];
    expect(staffSeen('sent', rows).map((p) => p.name)).toEqual(['Ana', 'Zoe']);
    expect(staffSeen('received', rows).map((p) => p.name)).toEqual(['Pat']);
  });
});
