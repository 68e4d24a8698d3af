import { REFERRAL_STATES } from '@portico/shared';
import type { Person, ReferralSummary } from './types';

/** ND-1 Pending records (received, not yet assigned), then MT-14's received and sent lists. */
export type Box = 'pending' | 'received' | 'sent';
export const BOXES: readonly Box[] = ['pending', 'received', 'sent'];

export interface ReferralFilters {
  /** 'open' (the API's default: draft, sent, assigned), one state, or 'any' (MT-14: the only one with closed and refused). */
  status: string;
  serviceStatus: string;
  staffId: string;
  from: string;
  to: string;
  /** Client name. */
  q: string;
}

export const NO_FILTERS: ReferralFilters = { status: 'open', serviceStatus: '', staffId: '', from: '', to: '', q: '' };

const KEYS = ['status', 'serviceStatus', 'staffId', 'from', 'to', 'q'] as const;

/** The tab and filters the page's URL holds; a missing or unknown tab is the user's first one. */
export function filtersFromParams(params: URLSearchParams, firstBox: Box): { box: Box; filters: ReferralFilters } {
  const tab = params.get('box');
  const box = BOXES.includes(tab as Box) ? (tab as Box) : firstBox;
  const filters = { ...NO_FILTERS };
  for (const k of KEYS) filters[k] = params.get(k)?.trim() || NO_FILTERS[k];
  return { box, filters };
}

/** The URL of a tab and its filters; defaults are left out so a plain link stays plain. */
export function filtersToParams(box: Box, filters: ReferralFilters): URLSearchParams {
  const params = new URLSearchParams({ box });
  for (const k of KEYS) {
    const v = filters[k].trim();
    if (v && v !== NO_FILTERS[k]) params.set(k, v);
  }
  return params;
}

/** Are any filters set besides the defaults? */
export const isFiltered = (f: ReferralFilters) => KEYS.some((k) => f[k].trim() !== NO_FILTERS[k]);

/**
 * GET /api/referrals query of a tab: Pending records are the received box's "sent" state; "open" is
 * the API's default and is left out. A staff member is sent only for gatekeepers (the API refuses it otherwise).
 */
export function listQuery(box: Box, f: ReferralFilters, gatekeeper: boolean) {
  const status = box === 'pending' ? 'sent' : f.status === 'open' ? undefined : f.status;
  return {
    box: box === 'sent' ? 'sent' : 'received',
    status,
    serviceStatus: f.serviceStatus || undefined,
    staffId: gatekeeper ? f.staffId || undefined : undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    q: f.q.trim() || undefined,
  };
}

/** The status select of a tab; the received box never holds drafts, Pending records have a fixed state. */
export function statusOptions(box: Box): { value: string; label: string }[] {
  const states = Object.entries(REFERRAL_STATES)
    .filter(([code]) => box === 'sent' || code !== 'draft')
    .map(([value, label]) => ({ value, label }));
  return [
    { value: 'open', label: 'Open (pending, sent or assigned)' },
    ...states,
    { value: 'any', label: 'Any status — includes closed and refused' },
  ];
}

/**
 * MT-14 staff filter: the people the list shows in the column the API filters on (the sender of a sent
 * referral, the assignee of a received one), sorted by name.
 */
export function staffSeen(box: Box, rows: ReferralSummary[]): Person[] {
  const people = new Map<string, Person>();
  for (const r of rows) {
    const p = box === 'sent' ? r.createdBy : r.assignee;
    if (p) people.set(p.id, p);
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}
