import type { AuthorizerKind } from '@portico/shared';
import type { ConsentProgram } from './types';

/** The new-consent form as the user fills it (MT-9). */
export interface ConsentDraft {
  programs: ConsentProgram[];
  infoTypes: string[];
  sensitiveTypes: string[];
  authorizerKind: AuthorizerKind;
  authorizerName: string;
  authorizerRelationship: string;
}

/** The form of a new consent for a client: the client authorizes, under their own name. */
export function initialDraft(clientName: string): ConsentDraft {
  return {
    programs: [],
    infoTypes: [],
    sensitiveTypes: [],
    authorizerKind: 'client',
    authorizerName: clientName,
    authorizerRelationship: '',
  };
}

/**
 * A new authorizer kind: the client's own name comes back for the client, and leaves when someone
 * else signs for them (a guardian has a name of their own).
 */
export function withAuthorizerKind(draft: ConsentDraft, kind: AuthorizerKind, clientName: string): ConsentDraft {
  let name = draft.authorizerName;
  if (kind === 'client' && !name.trim()) name = clientName;
  if (kind !== 'client' && name.trim() === clientName) name = '';
  return { ...draft, authorizerKind: kind, authorizerName: name };
}

/** The chosen programs with one more, each program once. */
export function withProgram(programs: ConsentProgram[], program: ConsentProgram): ConsentProgram[] {
  return programs.some((p) => p.id === program.id) ? programs : [...programs, program];
}

/** What the form can tell before asking the server: at least one type, and a relationship for others. */
export function draftErrors(draft: ConsentDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.infoTypes.length === 0) errors.infoTypes = 'Choose at least one.';
  if (!draft.authorizerName.trim()) errors.authorizerName = 'This is required.';
  if (draft.authorizerKind !== 'client' && !draft.authorizerRelationship.trim()) {
    errors.authorizerRelationship = 'Say how they are related to the client.';
  }
  return errors;
}

/** POST /api/consents body; the relationship only when someone other than the client authorizes. */
export function consentBody(clientId: string, draft: ConsentDraft) {
  const relationship = draft.authorizerRelationship.trim();
  return {
    clientId,
    programIds: draft.programs.map((p) => p.id),
    infoTypes: draft.infoTypes,
    sensitiveTypes: draft.sensitiveTypes,
    authorizerKind: draft.authorizerKind,
    authorizerName: draft.authorizerName.trim(),
    ...(draft.authorizerKind !== 'client' && relationship && { authorizerRelationship: relationship }),
  };
}
