import { Text, Timeline } from '@mantine/core';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../lib/format';
import { peopleOf, timelineText } from './referralText';
import type { ReferralDetail } from './types';

/** MT-12 / MT-13: every step both programs see, oldest first, with who took it and when. */
export function TimelineList({ referral: r }: { referral: ReferralDetail }) {
  const nameOf = peopleOf(r, r.timeline);
  return (
    <Section id="referral-timeline" title="Timeline">
      <Timeline bulletSize={14} lineWidth={2} active={r.timeline.length - 1} role="list">
        {r.timeline.map((e) => (
          <Timeline.Item key={e.id} title={timelineText(e, nameOf)} role="listitem">
            <Text size="sm">
              {e.actor?.name ?? 'Portico'} · {formatDateTime(e.at)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Section>
  );
}
