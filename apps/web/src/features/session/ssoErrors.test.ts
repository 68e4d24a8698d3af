import { describe, expect, it } from 'vitest';
import { SSO_ERRORS as SERVER_SSO_ERRORS } from '../../../../server/src/modules/sso/sso.schema';
import { SSO_ERRORS, ssoErrorMessage } from './ssoErrors';

describe('ssoErrorMessage', () => {
  it('says what the server means by every code it sends', () => {
    expect(SSO_ERRORS).toEqual(SERVER_SSO_ERRORS);
  });

  it('still says something for a code it does not know', () => {
    expect(ssoErrorMessage('denied')).toBe('The sign-in was cancelled at the identity provider.');
    expect(ssoErrorMessage('toString')).toMatch(/did not work/);
  });
});
