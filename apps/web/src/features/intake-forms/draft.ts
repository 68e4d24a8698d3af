import type { IntakeField, IntakeFieldType } from '@portico/shared';

/** A field as the form builder edits it: choices as lines, the answer key kept once saved. */
export interface EditableField {
  /** React's key: stable while labels change. */
  uid: string;
  key: string;
  /** Saved in an earlier version: its key no longer follows the label (answers already use it). */
  saved: boolean;
  label: string;
  type: IntakeFieldType;
  required: boolean;
  help: string;
  choices: string;
}

let counter = 0;
const uid = () => `field-${++counter}`;

/** "Household size (people)" → "household_size_people", unique among the other keys. */
export function keyFor(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^(\d)/, 'q_$1')
      .slice(0, 36) || 'question';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

export const isChoice = (t: IntakeFieldType) => t === 'single_choice' || t === 'multiple_choice';

export function toEditable(fields: readonly IntakeField[]): EditableField[] {
  return fields.map((f) => ({
    uid: uid(),
    key: f.key,
    saved: true,
    label: f.label,
    type: f.type,
    required: f.required,
    help: f.help ?? '',
    choices: (f.options ?? []).join('\n'),
  }));
}

export function newField(existing: readonly EditableField[]): EditableField {
  const label = 'New question';
  return {
    uid: uid(),
    key: keyFor(label, new Set(existing.map((f) => f.key))),
    saved: false,
    label,
    type: 'text',
    required: false,
    help: '',
    choices: '',
  };
}

/** A new field's key follows its label; a saved one's stays. */
export function relabel(fields: readonly EditableField[], index: number, label: string): EditableField[] {
  return fields.map((f, i) => {
    if (i !== index) return f;
    if (f.saved) return { ...f, label };
    const taken = new Set(fields.filter((_, j) => j !== index).map((g) => g.key));
    return { ...f, label, key: keyFor(label, taken) };
  });
}

export function move<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return [...items];
  const out = [...items];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}

/** What is saved: choices one per line, blank lines dropped. */
export function toDefinition(fields: readonly EditableField[]): IntakeField[] {
  return fields.map((f) => ({
    key: f.key,
    label: f.label.trim(),
    type: f.type,
    required: f.required,
    ...(f.help.trim() ? { help: f.help.trim() } : {}),
    ...(isChoice(f.type)
      ? {
          options: f.choices
            .split('\n')
            .map((c) => c.trim())
            .filter(Boolean),
        }
      : {}),
  }));
}
