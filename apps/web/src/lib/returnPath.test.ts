import { describe, expect, it } from 'vitest';
import { returnPath } from './returnPath';

describe('returnPath', () => {
  it('goes back to a path of this app', () => {
    expect(returnPath({ from: '/users?q=ann' })).toBe('/users?q=ann');
  });

  it('goes home for anything else: no state, another site, a protocol-relative address', () => {
    expect(returnPath(null)).toBe('/');
    expect(returnPath({ from: 'https://example.org/' })).toBe('/');
    expect(returnPath({ from: '//example.org/' })).toBe('/');
    expect(returnPath({ from: 42 })).toBe('/');
  });
});
