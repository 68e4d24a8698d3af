import { REFUSAL_REASON_CODE_PATTERN, type ReferralSettings, type RefusalReasonSetting } from '@portico/shared';

/** One refusal reason as the form holds it. */
export interface ReasonDraft extends RefusalReasonSetting {
  /** Stable while rows come and go (React key, focus). */
  key: string;
  /** Saved before: referrals carry its code, so only its label and text rule change. */
  saved: boolean;
  /** The administrator typed the code; until then it follows the label. */
  codeTyped: boolean;
}

export interface ReferralSettingsDraft {
  reasons: ReasonDraft[];
  /** YYYY-MM-DD, kept sorted. */
  holidays: string[];
}

const CODE = new RegExp(REFUSAL_REASON_CODE_PATTERN);
let keys = 0;
const nextKey = () => `reason-${++keys}`;

export function draftOf(settings: ReferralSettings): ReferralSettingsDraft {
  return {
    reasons: settings.refusalReasons.map((r) => ({ ...r, key: nextKey(), saved: true, codeTyped: false })),
    holidays: [...settings.holidays].sort(),
  };
}

/** A new, empty reason whose code will follow its label. */
export const newReason = (): ReasonDraft => ({
  key: nextKey(),
  code: '',
  label: '',
  requiresText: false,
  saved: false,
  codeTyped: false,
});

/** "No funding (this year)" → "no_funding_this_year"; made unique among `taken` with _2, _3… */
export function codeFromLabel(label: string, taken: readonly string[]): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 36) || 'reason';
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

/** A row's label changed: a new reason's untyped code follows it, unique among the others. */
export function withLabel(reasons: readonly ReasonDraft[], key: string, label: string): ReasonDraft[] {
  const others = reasons.filter((r) => r.key !== key).map((r) => r.code);
  return reasons.map((r) =>
    r.key !== key ? r : { ...r, label, code: r.saved || r.codeTyped ? r.code : codeFromLabel(label, others) },
  );
}

/**
 * What the browser can tell before sending, keyed by the field the server would name (body. left
 * out): 'refusalReasons.1.label'. The server checks again.
 */
export function draftProblems(draft: ReferralSettingsDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (draft.reasons.length === 0) problems.refusalReasons = 'Keep at least one reason.';
  const codes = new Set<string>();
  const labels = new Set<string>();
  draft.reasons.forEach((r, i) => {
    const label = r.label.trim().toLowerCase();
    if (!label) problems[`refusalReasons.${i}.label`] = 'Enter the reason as gatekeepers will read it.';
    else if (labels.has(label)) problems[`refusalReasons.${i}.label`] = 'Another reason has this label.';
    if (!CODE.test(r.code)) problems[`refusalReasons.${i}.code`] = 'Use lower-case letters, digits and _ only.';
    else if (codes.has(r.code)) problems[`refusalReasons.${i}.code`] = 'Another reason has this code.';
    labels.add(label);
    codes.add(r.code);
  });
  return problems;
}

/** The body to send: labels trimmed, holidays sorted. */
export function settingsOf(draft: ReferralSettingsDraft): ReferralSettings {
  return {
    refusalReasons: draft.reasons.map(({ code, label, requiresText }) => ({ code, label: label.trim(), requiresText })),
    holidays: [...draft.holidays].sort(),
  };
}

/** Adds a day to the sorted list, or says why it cannot be added. */
export function addHoliday(holidays: readonly string[], day: string): { holidays: string[] } | { problem: string } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return { problem: 'Enter a date.' };
  if (holidays.includes(day)) return { problem: 'This day is listed already.' };
  return { holidays: [...holidays, day].sort() };
}

/** One change the confirmation names before saving. */
export type SettingsChange =
  | { kind: 'added' | 'removed' | 'asksText' | 'stopsAskingText'; label: string }
  | { kind: 'renamed'; from: string; label: string }
  | { kind: 'holidayAdded' | 'holidayRemoved'; day: string };

/** What saving `next` changes against what is saved, reasons first (by code), then holidays. */
export function changesOf(saved: ReferralSettings, next: ReferralSettings): SettingsChange[] {
  const out: SettingsChange[] = [];
  const before = new Map(saved.refusalReasons.map((r) => [r.code, r]));
  const after = new Map(next.refusalReasons.map((r) => [r.code, r]));
  for (const r of next.refusalReasons) {
    const old = before.get(r.code);
    if (!old) {
      out.push({ kind: 'added', label: r.label });
      continue;
    }
    if (old.label !== r.label) out.push({ kind: 'renamed', from: old.label, label: r.label });
    if (old.requiresText !== r.requiresText) {
      out.push({ kind: r.requiresText ? 'asksText' : 'stopsAskingText', label: r.label });
    }
  }
  for (const r of saved.refusalReasons) if (!after.has(r.code)) out.push({ kind: 'removed', label: r.label });
  for (const day of next.holidays) if (!saved.holidays.includes(day)) out.push({ kind: 'holidayAdded', day });
  for (const day of saved.holidays) if (!next.holidays.includes(day)) out.push({ kind: 'holidayRemoved', day });
  return out;
}

/** Every field the server may name for this draft, for the form's error alert. */
export function settingsFields(draft: ReferralSettingsDraft): string[] {
  return [
    'refusalReasons',
    'holidays',
    ...draft.reasons.flatMap((_, i) => ['code', 'label', 'requiresText'].map((f) => `refusalReasons.${i}.${f}`)),
    ...draft.holidays.map((_, i) => `holidays.${i}`),
  ];
}
