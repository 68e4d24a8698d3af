import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCalendarPlus, IconTrash } from '@tabler/icons-react';
import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';
import { formatDate } from '../../lib/format';
import { addHoliday } from './referralSettingsDraft';

interface Props {
  /** YYYY-MM-DD, sorted. */
  value: string[];
  onChange: (holidays: string[]) => void;
  /** The message for a field the server would name, e.g. 'holidays.2'. */
  errorOf: (field: string, subject: string) => ReactNode;
}

const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'long' });
const dayName = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return weekday.format(new Date(y!, m! - 1, d));
};

/** MT-16: days that are not business days besides weekends (a stale referral waits a day longer). */
export function HolidaysField({ value, onChange, errorOf }: Props) {
  const [day, setDay] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const add = () => {
    const next = addHoliday(value, day);
    if ('problem' in next) {
      setProblem(next.problem);
      return;
    }
    onChange(next.holidays);
    setDay('');
    setProblem(null);
  };
  // Enter in the date adds it, rather than saving the whole form.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };
  const remove = (d: string) => {
    onChange(value.filter((h) => h !== d));
    input.current?.focus();
  };
  return (
    <Stack gap="sm">
      <Text fw={500}>Holidays</Text>
      <Text size="sm" c="dimmed" mt={-8}>
        Not business days: a referral is stale one business day after it is sent unanswered, or five after its last
        update, counting neither weekends nor these days.
      </Text>
      {errorOf('holidays', 'The list') && (
        <Text c="red.9" size="sm" role="alert">
          {errorOf('holidays', 'The list')}
        </Text>
      )}
      <Group align="flex-start">
        <TextInput
          ref={input}
          type="date"
          label="Add a holiday"
          value={day}
          onChange={(e) => {
            setDay(e.currentTarget.value);
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
          error={problem}
          w={220}
        />
        <Button variant="default" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={add} mt={25}>
          Add holiday
        </Button>
      </Group>
      {value.length === 0 ? (
        <Text size="sm">No holidays: only weekends are skipped.</Text>
      ) : (
        <Stack component="ul" gap={4} aria-label="Holidays" p={0} m={0} style={{ listStyle: 'none' }}>
          {value.map((d, i) => (
            <li key={d}>
              <Group gap="sm">
                <Text miw={220}>
                  {dayName(d)}, {formatDate(d)}
                </Text>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  leftSection={<IconTrash size={14} aria-hidden />}
                  onClick={() => remove(d)}
                  aria-label={`Remove ${formatDate(d)}`}
                >
                  Remove
                </Button>
                {errorOf(`holidays.${i}`, 'This day') && (
                  <Text size="sm" c="red.9" role="alert">
                    {errorOf(`holidays.${i}`, 'This day')}
                  </Text>
                )}
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
