import { notifications } from '@mantine/notifications';
import { patch } from '../../lib/api';
import { useCan, useNetwork } from '../session/useSession';
import type { ChangeRequest } from './types';

/** The words every form shows when its edit became a change request (NCC-5). */
export const SENT_FOR_APPROVAL = 'Sent to the network team for approval — see Change requests';

/** An edit's 202 answer: the change awaits the network team. */
export interface Deferred {
  changeRequest: ChangeRequest;
}

export function isDeferred(answer: unknown): answer is Deferred {
  return typeof answer === 'object' && answer !== null && 'changeRequest' in answer;
}

/**
 * Do the acting user's edits of organization, service and contacts go through change requests?
 * (NCC-5 networks, except for the network team, who edit directly.)
 */
export function useEditsByRequest(): boolean {
  const can = useCan();
  const network = useNetwork().data;
  return network?.organizationEdits === 'change_request' && !can('network:manage');
}

/** Tells the user what happened to the edit: saved, or sent for approval. */
export function announceOutcome(answer: unknown, savedMessage: string) {
  if (isDeferred(answer)) {
    notifications.show({ color: 'blue', title: 'Change requested', message: SENT_FOR_APPROVAL, autoClose: 8000 });
  } else {
    notifications.show({ color: 'teal', message: savedMessage });
  }
}

/** announceOutcome, or "Nothing changed" when the form had nothing to send. */
export function announceEdit(answer: unknown, savedMessage: string) {
  if (answer === null) notifications.show({ message: 'Nothing changed' });
  else announceOutcome(answer, savedMessage);
}

/** PATCHes only what changed (a request then shows just those fields); null, sending nothing, when nothing did. */
export async function patchChanges<T>(
  url: string,
  next: Record<string, unknown>,
  before: Record<string, unknown>,
): Promise<T | Deferred | null> {
  const changes = changedOnly(next, before);
  return Object.keys(changes).length ? patch<T | Deferred>(url, changes) : null;
}

/** Only the fields whose value differs from what the form started with (a request shows just those). */
export function changedOnly<T extends Record<string, unknown>>(next: T, before: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(next).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])),
  ) as Partial<T>;
}
