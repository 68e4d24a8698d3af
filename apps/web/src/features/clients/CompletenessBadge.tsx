import { Badge, Group } from '@mantine/core';
import type { Completeness } from './types';

export const SECTION_LABELS: Record<keyof Completeness, string> = {
  personal: 'Personal',
  contact: 'Contact',
  coverage: 'Coverage',
};

/**
 * MT-8: one section's state, "Personal: complete" or "Contact: 2 missing". `missing` is the count
 * while typing; a saved profile only says whether it is `complete`.
 */
export function CompletenessBadge({
  section,
  ...state
}: { section: keyof Completeness } & ({ missing: number } | { complete: boolean })) {
  const complete = 'missing' in state ? state.missing === 0 : state.complete;
  const rest = 'missing' in state ? `${state.missing} missing` : 'incomplete';
  return (
    <Badge color={complete ? 'teal.8' : 'gray.7'} tt="none" size="lg">
      {SECTION_LABELS[section]}: {complete ? 'complete' : rest}
    </Badge>
  );
}

/** The three badges of a saved profile. */
export function CompletenessBadges({ completeness }: { completeness: Completeness }) {
  return (
    <Group gap="xs" aria-label="Profile completeness" role="group">
      {(Object.keys(SECTION_LABELS) as (keyof Completeness)[]).map((s) => (
        <CompletenessBadge key={s} section={s} complete={completeness[s]} />
      ))}
    </Group>
  );
}
