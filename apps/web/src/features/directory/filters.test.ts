import { describe, expect, it } from 'vitest';
import { exportHref, filtersFrom, hasFilters, withFilter } from './filters';

describe('directory filters in the URL (MT-9, MT-15)', () => {
  it('MT-15: reads the five filters from the URL, ignoring empty and unknown ones', () => {
    const f = filtersFrom(new URLSearchParams('county=Cass&q=%20&service=food&page=2'));
    expect(f).toEqual({ county: 'Cass', service: 'food' });
    expect(hasFilters(f)).toBe(true);
    expect(hasFilters({})).toBe(false);
  });

  it('MT-15: setting a filter keeps the others; clearing removes it', () => {
    const params = new URLSearchParams('county=Cass');
    expect(withFilter(params, 'insurance', 'medicaid').toString()).toBe('county=Cass&insurance=medicaid');
    expect(withFilter(params, 'county', null).toString()).toBe('');
  });

  it('MT-15: the export link carries the same filters and the format', () => {
    expect(exportHref({ county: 'Lewis and Clark', q: 'food bank' }, 'xlsx')).toBe(
      '/api/directory/programs/export?county=Lewis+and+Clark&q=food+bank&format=xlsx',
    );
  });
});
