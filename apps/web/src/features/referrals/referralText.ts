import {
  CONTACT_METHODS,
  CONTACT_OUTCOMES,
  refusalReasonLabel as labelOfReason,
  REFERRAL_STATES,
  type RefusalReasonSetting,
  SERVICE_STATUSES,
  type ServiceStatus,
} from '@portico/shared';
import type { Person, Referral, TimelineEvent } from './types';

type Option = { value: string; label: string };

/** A code's label from one of the shared lists; an unknown code is shown as it is. */
const labelIn = (codes: Record<string, string>, code: string | null | undefined): string =>
  code ? (codes[code] ?? code) : '';

const options = (codes: Record<string, string>): Option[] =>
  Object.entries(codes).map(([value, label]) => ({ value, label }));

/** MT-11 / ND-3: the referral's state in words ("Sent, not yet assigned"). */
export const stateLabel = (state: string) => labelIn(REFERRAL_STATES, state);

/** MT-13: the service status in the guide's words, or "Not set yet". */
export function serviceStatusLabel(code: string | null | undefined): string {
  if (!code) return 'Not set yet';
  return SERVICE_STATUSES[code as ServiceStatus]?.label ?? code;
}

export const contactMethodLabel = (code: string | null | undefined) => labelIn(CONTACT_METHODS, code);
export const outcomeLabel = (code: string | null | undefined) => labelIn(CONTACT_OUTCOMES, code);
/** A refusal reason in the network's words (its list, else the shared default, else the code). */
export const refusalReasonLabel = (code: string | null | undefined, reasons: readonly RefusalReasonSetting[] = []) =>
  code ? labelOfReason(reasons, code) : '';

/** ND-3: why the receiving program refused, with its own words when it gave some. */
export function refusalText(
  r: Pick<Referral, 'refusalReason' | 'refusalText'>,
  reasons: readonly RefusalReasonSetting[] = [],
): string {
  const reason = refusalReasonLabel(r.refusalReason, reasons);
  return [reason, r.refusalText].filter(Boolean).join(' — ');
}

/** MT-13: the 13 statuses for a select; the ones that end the referral say so. */
export function serviceStatusOptions(): Option[] {
  return Object.entries(SERVICE_STATUSES).map(([value, s]) => ({
    value,
    label: s.closes ? `${s.label} (closes the referral)` : s.label,
  }));
}

export const contactMethodOptions = () => options(CONTACT_METHODS);
export const outcomeOptions = () => options(CONTACT_OUTCOMES);

/** Everyone a referral names, to put names on the ids a timeline event carries. */
export function peopleOf(
  r: Pick<Referral, 'createdBy' | 'assignee'> & { assignable?: Person[] },
  timeline: TimelineEvent[],
) {
  const names = new Map<string, string>();
  const add = (p: Person | null | undefined) => p && names.set(p.id, p.name);
  add(r.createdBy);
  add(r.assignee);
  for (const p of r.assignable ?? []) add(p);
  for (const e of timeline) add(e.actor);
  return (id: unknown) => (typeof id === 'string' ? names.get(id) : undefined);
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** A timeline event in words: "Assigned to Pat Provider", "Service status: Enrolled in services". */
export function timelineText(e: TimelineEvent, nameOf: (id: unknown) => string | undefined): string {
  const d = e.data;
  switch (e.kind) {
    case 'created':
      return 'Draft created';
    case 'sent':
      return 'Sent to the receiving program';
    case 'assigned': {
      const who = nameOf(d.assignedTo);
      return who ? `Accepted and assigned to ${who}` : 'Accepted and assigned';
    }
    case 'refused':
      // The step stores the label the network used then (MT-12), so a renamed reason reads as it did.
      return `Refused: ${str(d.label) ?? (refusalReasonLabel(str(d.reason)) || 'no reason given')}`;
    case 'reassigned': {
      const who = nameOf(d.to);
      const note = str(d.note);
      return `${who ? `Reassigned to ${who}` : 'Reassigned'}${note ? ` — ${note}` : ''}`;
    }
    case 'status': {
      const label = str(d.label) ?? serviceStatusLabel(str(d.status));
      return `Service status: ${label}${d.closed === true ? ' (the referral closed)' : ''}`;
    }
    case 'note':
      return 'Note added';
    case 'progress':
      return 'Progress entry added';
    default:
      return e.kind;
  }
}

/** MT-13: who set the current service status, and when, from the newest status event. */
export function lastStatusEvent(timeline: TimelineEvent[]): TimelineEvent | undefined {
  return timeline.filter((e) => e.kind === 'status').at(-1);
}

/** "Ana Ruiz" */
export const clientName = (r: Pick<Referral, 'client'>) => `${r.client.firstName} ${r.client.lastName}`;

/** "Tenant Legal Help (Valley Legal Aid)" */
export const programText = (p: { name: string; organizationName: string }) => `${p.name} (${p.organizationName})`;

/** MT-16: why a referral is stale, in a sentence. */
export function staleText(r: Pick<Referral, 'state' | 'acknowledgedAt'>): string {
  return r.state === 'sent' && !r.acknowledgedAt
    ? 'Nobody at the receiving program acknowledged it by the end of the next business day.'
    : 'There has been no update for five business days.';
}
