import { SERVICE_STATUSES } from '@portico/shared';
import { describe, expect, it } from 'vitest';
import {
  lastStatusEvent,
  peopleOf,
  refusalText,
  serviceStatusLabel,
  serviceStatusOptions,
  staleText,
  stateLabel,
  timelineText,
} from './referralText';
import type { TimelineEvent } from './types';

const event = (kind: string, data: Record<string, unknown> = {}, at = '2026-01-05T10:00:00.000Z'): TimelineEvent => ({
  id: `${kind}-${at}`,
  kind,
  actor: { id: 'u-grace', name: 'Grace Gatekeeper' },
  data,
  at,
});

describe('referral wording (MT-11..MT-16, ND-3)', () => {
  it('MT-11: says the state and the service status in words, unknown codes as they are', () => {
    expect(stateLabel('sent')).toBe('Sent, not yet assigned');
    expect(stateLabel('draft')).toBe('Pending (draft)');
    expect(serviceStatusLabel('enrolled')).toBe('Enrolled in services');
    expect(serviceStatusLabel(null)).toBe('Not set yet');
    expect(serviceStatusLabel('made_up')).toBe('made_up');
  });

  it('MT-13: offers the 13 statuses in the guide’s order, marking those that close the referral', () => {
    const options = serviceStatusOptions();
    expect(options).toHaveLength(13);
    expect(options.map((o) => o.value)).toEqual(Object.keys(SERVICE_STATUSES));
    expect(options.find((o) => o.value === 'closed_successful')?.label).toBe(
      'Closed - Successful completion (closes the referral)',
    );
    expect(options.find((o) => o.value === 'enrolled')?.label).toBe('Enrolled in services');
  });

  it('ND-3: gives the refusal reason with the program’s own words', () => {
    expect(refusalText({ refusalReason: 'no_capacity', refusalText: null })).toBe('No capacity at this time');
    expect(refusalText({ refusalReason: 'other', refusalText: 'Closed for renovation' })).toBe(
      'Other — Closed for renovation',
    );
  });

  it('MT-12: a reason of the network’s own list reads in its words; one it removed keeps a label', () => {
    const reasons = [{ code: 'no_funding', label: 'Funding ran out', requiresText: false }];
    expect(refusalText({ refusalReason: 'no_funding', refusalText: null }, reasons)).toBe('Funding ran out');
    expect(refusalText({ refusalReason: 'no_capacity', refusalText: null }, reasons)).toBe('No capacity at this time');
    expect(refusalText({ refusalReason: 'gone', refusalText: null }, reasons)).toBe('gone');
  });

  it('MT-12: puts names on the people a timeline event names by id', () => {
    const timeline = [
      event('created'),
      event('assigned', { assignedTo: 'u-pat' }),
      event('reassigned', { from: 'u-pat', to: 'u-sam', note: 'Sam speaks Spanish' }),
      event('assigned', { assignedTo: 'u-unknown' }),
    ];
    const nameOf = peopleOf(
      {
        createdBy: { id: 'u-ana', name: 'Ana Sender' },
        assignee: { id: 'u-sam', name: 'Sam Shelter' },
        assignable: [{ id: 'u-pat', name: 'Pat Provider' }],
      },
      timeline,
    );
    expect(timeline.map((e) => timelineText(e, nameOf))).toEqual([
      'Draft created',
      'Accepted and assigned to Pat Provider',
      'Reassigned to Sam Shelter — Sam speaks Spanish',
      'Accepted and assigned',
    ]);
  });

  it('MT-13: words the other steps, and finds who set the current status', () => {
    const none = () => undefined;
    expect(timelineText(event('refused', { reason: 'not_eligible' }), none)).toBe(
      'Refused: Client not eligible for this program',
    );
    const first = event('status', { status: 'enrolled', label: 'Enrolled in services', closed: false });
    const last = event(
      'status',
      { status: 'closed_successful', label: 'Closed - Successful completion', closed: true },
      '2026-02-01T10:00:00.000Z',
    );
    expect(timelineText(last, none)).toBe('Service status: Closed - Successful completion (the referral closed)');
    expect(timelineText(event('progress'), none)).toBe('Progress entry added');
    expect(timelineText(event('something_new'), none)).toBe('something_new');
    expect(lastStatusEvent([event('sent'), first, event('note'), last, event('note')])).toBe(last);
    expect(lastStatusEvent([event('sent')])).toBeUndefined();
  });

  it('MT-16: says why a referral is stale', () => {
    expect(staleText({ state: 'sent', acknowledgedAt: null })).toMatch(/next business day/);
    expect(staleText({ state: 'assigned', acknowledgedAt: '2026-01-05T10:00:00.000Z' })).toMatch(/five business days/);
  });
});
