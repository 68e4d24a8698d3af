import { describe, expect, it } from 'vitest';
import { consentBody, draftErrors, initialDraft, withAuthorizerKind, withProgram } from './consentDraft';

const program = { id: 'p1', name: 'Food Bank', organizationName: 'Helena Food Share' };

describe('new consent form (MT-9)', () => {
  it('MT-9: the client authorizes under their own name until someone else is chosen', () => {
    const draft = initialDraft('Ana Ruiz');
    expect(draft.authorizerName).toBe('Ana Ruiz');
    const guardian = withAuthorizerKind(draft, 'guardian', 'Ana Ruiz');
    expect(guardian.authorizerName).toBe('');
    const named = withAuthorizerKind({ ...guardian, authorizerName: 'Rosa Ruiz' }, 'power_of_attorney', 'Ana Ruiz');
    expect(named.authorizerName).toBe('Rosa Ruiz');
    expect(withAuthorizerKind(guardian, 'client', 'Ana Ruiz').authorizerName).toBe('Ana Ruiz');
  });

  it('MT-9: a program is chosen once', () => {
    expect(withProgram(withProgram([], program), program)).toEqual([program]);
  });

  it('MT-9: needs an information type, and a relationship when the client does not sign', () => {
    const draft = initialDraft('Ana Ruiz');
    expect(draftErrors(draft)).toEqual({ infoTypes: 'Choose at least one.' });
    const guardian = { ...withAuthorizerKind(draft, 'guardian', 'Ana Ruiz'), infoTypes: ['needs'] };
    expect(Object.keys(draftErrors(guardian)).sort()).toEqual(['authorizerName', 'authorizerRelationship']);
    expect(draftErrors({ ...guardian, authorizerName: 'Rosa', authorizerRelationship: 'mother' })).toEqual({});
  });

  it('MT-9: sends the relationship only for someone other than the client', () => {
    const draft = {
      ...initialDraft(' Ana Ruiz '),
      programs: [program],
      infoTypes: ['needs'],
      authorizerRelationship: 'x',
    };
    expect(consentBody('c1', draft)).toEqual({
      clientId: 'c1',
      programIds: ['p1'],
      infoTypes: ['needs'],
      sensitiveTypes: [],
      authorizerKind: 'client',
      authorizerName: 'Ana Ruiz',
    });
    const guardian = {
      ...draft,
      authorizerKind: 'guardian' as const,
      authorizerName: 'Rosa',
      authorizerRelationship: ' mother ',
    };
    expect(consentBody('c1', guardian).authorizerRelationship).toBe('mother');
  });
});
