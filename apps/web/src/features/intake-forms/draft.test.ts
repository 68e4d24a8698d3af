import { checkIntakeDefinition } from '@portico/shared';
import { describe, expect, it } from 'vitest';
import { keyFor, move, newField, relabel, toDefinition, toEditable } from './draft';

describe('MT-11 intake form builder', () => {
  it('derives a unique answer key from a label', () => {
    expect(keyFor('Household size (people)', new Set())).toBe('household_size_people');
    expect(keyFor('Ça va?', new Set())).toBe('ca_va');
    expect(keyFor('2 adults', new Set())).toBe('q_2_adults');
    expect(keyFor('Veteran', new Set(['veteran', 'veteran_2']))).toBe('veteran_3');
    expect(keyFor('!!!', new Set())).toBe('question');
  });
  it('a new field’s key follows its label; a saved field keeps its key', () => {
    const saved = toEditable([{ key: 'size', label: 'Size', type: 'number', required: true }]);
    const fields = [...saved, newField(saved)];
    const renamed = relabel(relabel(fields, 0, 'Household size'), 1, 'Monthly income');
    expect(renamed.map((f) => f.key)).toEqual(['size', 'monthly_income']);
  });
  it('moves a field up or down, and not past either end', () => {
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
  it('saves choices one per line, without blank lines, and only on choice fields', () => {
    const [f] = toEditable([{ key: 'now', label: 'Housing', type: 'single_choice', required: false, options: [] }]);
    const def = toDefinition([
      { ...f!, choices: 'Own\n\n Rent \n' },
      { ...f!, key: 'x', type: 'text', choices: 'stale' },
    ]);
    expect(def[0]!.options).toEqual(['Own', 'Rent']);
    expect(def[1]!.options).toBeUndefined();
    expect(checkIntakeDefinition(def)).toEqual([]);
  });
});
