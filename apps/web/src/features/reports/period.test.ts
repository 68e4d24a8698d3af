import { describe, expect, it } from 'vitest';
import { lastTwelveMonths, periodDays, periodError, reportFromParams, reportHref, reportToParams } from './period';

describe('report period (MT-15)', () => {
  it('defaults to the last 12 months, never longer than the server allows', () => {
    expect(lastTwelveMonths('2026-05-10')).toEqual({ from: '2025-05-11', to: '2026-05-10' });
    expect(periodDays(lastTwelveMonths('2026-05-10'))).toBe(365);
    // Across a 29 February: 366 days, the most there is.
    expect(periodDays(lastTwelveMonths('2024-03-01'))).toBe(366);
    expect(lastTwelveMonths('2024-02-29')).toEqual({ from: '2023-03-02', to: '2024-02-29' });
    expect(periodDays({ from: '2025-03-01', to: '2025-03-01' })).toBe(1);
  });

  it('says why a period would be refused, as the server does', () => {
    expect(periodError({ from: '2025-01-01', to: '2025-12-31' })).toBeNull();
    expect(periodError({ from: '2024-01-01', to: '2024-12-31' })).toBeNull();
    expect(periodError({ from: '2024-01-01', to: '2025-01-01' })).toMatch(/at most 366 days/);
    expect(periodError({ from: '2025-03-02', to: '2025-03-01' })).toMatch(/before the first day/);
    expect(periodError({ from: '', to: '2025-03-01' })).toMatch(/first day/);
    expect(periodError({ from: '2025-03-01', to: '31/03/2025' })).toMatch(/last day/);
  });

  it('reads the report and period from the URL, falling back to delays over the last 12 months', () => {
    const params = new URLSearchParams('report=to-agency&from=2025-01-01&to=2025-03-31');
    expect(reportFromParams(params, '2026-05-10')).toEqual({
      kind: 'to-agency',
      period: { from: '2025-01-01', to: '2025-03-31' },
    });
    expect(
      reportFromParams(new URLSearchParams('report=payments&from=2025-04-01&to=2025-01-01'), '2026-05-10'),
    ).toEqual({ kind: 'delays', period: { from: '2025-05-11', to: '2026-05-10' } });
    expect(reportToParams('outcomes', { from: '2025-01-01', to: '2025-03-31' }).toString()).toBe(
      'report=outcomes&from=2025-01-01&to=2025-03-31',
    );
  });

  it('links the API for the page and the downloads', () => {
    const period = { from: '2025-01-01', to: '2025-03-31' };
    expect(reportHref('from-agency', period, 'csv')).toBe(
      '/api/reports/referrals/from-agency?from=2025-01-01&to=2025-03-31&format=csv',
    );
    expect(reportHref('delays', period, 'xlsx')).toMatch(/format=xlsx$/);
  });
});
