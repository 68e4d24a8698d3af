import { Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { type ChangeEvent, type FormEvent, useEffect, useState } from 'react';
import { todayIso } from '../../lib/format';
import { lastTwelveMonths, MAX_PERIOD_DAYS, type Period, periodError } from './period';

interface Props {
  applied: Period;
  onApply: (period: Period) => void;
}

/** The report period; it applies on submit, and only a period the server accepts. */
export function PeriodForm({ applied, onApply }: Props) {
  const [draft, setDraft] = useState(applied);
  const [error, setError] = useState<string | null>(null);
  // Links and back/forward change the URL; the form then shows what is applied.
  useEffect(() => setDraft({ from: applied.from, to: applied.to }), [applied.from, applied.to]);
  // The value is read now: the event's currentTarget is gone by the time a state updater runs.
  const set = (key: keyof Period) => (e: ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = periodError(draft);
    setError(problem);
    if (!problem) onApply(draft);
  };
  const lastYear = lastTwelveMonths(todayIso());
  const isLastYear = applied.from === lastYear.from && applied.to === lastYear.to;

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label="Report period" noValidate>
      <Group align="flex-end" gap="md">
        <TextInput label="Sent from" type="date" value={draft.from} onChange={set('from')} required />
        <TextInput label="Sent to (included)" type="date" value={draft.to} onChange={set('to')} required />
        <Button type="submit">Show period</Button>
        {!isLastYear && (
          <Button
            variant="default"
            onClick={() => {
              setError(null);
              onApply(lastYear);
            }}
          >
            Last 12 months
          </Button>
        )}
      </Group>
      <Text size="sm" mt="xs" c={error ? 'red.9' : undefined} role={error ? 'alert' : undefined}>
        {error ??
          `Counts the referrals sent in the period, in the state they are in now. A period is at most ${MAX_PERIOD_DAYS} days.`}
      </Text>
    </Paper>
  );
}
