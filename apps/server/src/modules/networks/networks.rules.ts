import { DEFAULT_REFUSAL_REASONS, type ReferralSettings, type RefusalReasonSetting } from '@portico/shared';
import type { FieldError } from '../../http/errors.js';

/** The referral settings as they live in a network's policy jsonb (absent until first edited). */
interface StoredReferralSettings {
  refusalReasons?: RefusalReasonSetting[];
  holidays?: string[];
}

/** MT-12 / MT-16: a network's refusal reasons (the shared defaults until edited) and its holidays. */
export function referralSettingsOf(policy: unknown): ReferralSettings {
  const stored = (policy ?? {}) as StoredReferralSettings;
  return {
    refusalReasons: (stored.refusalReasons ?? DEFAULT_REFUSAL_REASONS).map((r) => ({ ...r })),
    holidays: [...(stored.holidays ?? [])].sort(),
  };
}

/**
 * What a validated edit is saved as: labels trimmed, holidays sorted. The schema checked each item; this
 * checks the list as a whole and names each offending item as the schema would (body.refusalReasons.1.code).
 */
export function normalizeReferralSettings<T extends Partial<ReferralSettings>>(
  patch: T,
): { settings: T; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const settings = { ...patch };
  if (patch.refusalReasons) {
    const reasons = patch.refusalReasons.map((r) => ({ ...r, label: r.label.trim() }));
    problems.push(
      ...repeated(reasons, (r) => r.code, 'body.refusalReasons', 'code', 'is used by another reason'),
      ...repeated(reasons, (r) => r.label.toLowerCase(), 'body.refusalReasons', 'label', 'is used by another reason'),
    );
    settings.refusalReasons = reasons;
  }
  if (patch.holidays) {
    problems.push(...repeated(patch.holidays, (d) => d, 'body.holidays', null, 'is listed twice'));
    settings.holidays = [...patch.holidays].sort();
  }
  return { settings, problems };
}

/** The second and later items whose key an earlier item already has. */
function repeated<T>(
  items: readonly T[],
  key: (item: T) => string,
  list: string,
  prop: string | null,
  message: string,
) {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) out.push({ field: prop ? `${list}.${i}.${prop}` : `${list}.${i}`, message });
    seen.add(k);
  });
  return out;
}

/** MT-12: the reason a gatekeeper chose, from the network's current list, or why it cannot be taken. */
export function refusalProblem(
  reasons: readonly RefusalReasonSetting[],
  code: string,
  text: string | null,
): FieldError | null {
  const reason = reasons.find((r) => r.code === code);
  if (!reason) return { field: 'body.reason', message: `"${code}" is not one of the network's refusal reasons` };
  if (reason.requiresText && !text)
    return { field: 'body.text', message: `say why, when the reason is "${reason.label}"` };
  return null;
}
