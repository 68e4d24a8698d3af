import { Badge } from '@mantine/core';
import type { ReferralState } from '@portico/shared';
import { IconClockExclamation } from '@tabler/icons-react';
import { stateLabel } from './referralText';
import { TILE_LABELS, type TileState } from './tiles';

// Dark shades keep white text at 4.5:1; the label always says the state, the colour only repeats it.
const STATE_COLORS: Record<ReferralState, string> = {
  draft: 'gray.7',
  sent: 'blue.9',
  assigned: 'teal.8',
  refused: 'red.9',
  closed: 'dark.6',
};

/** A referral's state in the words of REFERRAL_STATES ("Sent, not yet assigned"). */
export function ReferralStateBadge({ state, size = 'md' }: { state: ReferralState; size?: 'md' | 'lg' }) {
  return (
    <Badge color={STATE_COLORS[state] ?? 'gray.7'} size={size}>
      {stateLabel(state)}
    </Badge>
  );
}

/** MT-16: not acknowledged by the next business day, or no update for five business days. */
export function StaleBadge() {
  return (
    <Badge color="red.9" variant="outline" leftSection={<IconClockExclamation size={12} aria-hidden />}>
      Stale
    </Badge>
  );
}

const TILE_COLORS: Record<TileState['kind'], string> = {
  not_started: 'gray.7',
  draft: 'gray.7',
  active: 'teal.8',
  closed: 'dark.6',
};

/** MT-11: where the referral to one consented program stands. */
export function TileBadge({ kind }: { kind: TileState['kind'] }) {
  return (
    <Badge color={TILE_COLORS[kind]} variant={kind === 'not_started' ? 'outline' : 'filled'}>
      {TILE_LABELS[kind]}
    </Badge>
  );
}
