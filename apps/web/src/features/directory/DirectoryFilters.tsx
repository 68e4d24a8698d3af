import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { INSURANCE, INSURANCE_CODES } from '@portico/shared';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { FilterKey, Filters } from './filters';
import { useFacets, useServiceOptions } from './queries';

const INSURANCE_OPTIONS = INSURANCE_CODES.map((code) => ({ value: code, label: INSURANCE[code] }));

/** Options of a select, keeping a value from the URL even when the network no longer lists it. */
const optionsOf = (values: string[] | undefined, current: string | undefined) =>
  [...new Set([...(values ?? []), ...(current ? [current] : [])])].sort((a, b) => a.localeCompare(b));

interface Props {
  filters: Filters;
  onChange: (key: FilterKey, value: string | null) => void;
  onClear: () => void;
}

/** The five filters of the directory search; the name box waits for a pause in typing. */
export function DirectoryFilters({ filters, onChange, onClear }: Props) {
  const facets = useFacets();
  const [name, setName] = useState(filters.q ?? '');
  const [debounced] = useDebouncedValue(name.trim(), 350);
  // Only typing moves the name into the URL; a stale debounced value must not undo "Clear filters".
  const typed = useRef(false);

  // The URL changed from outside (back button, clear filters): the box follows it.
  useEffect(() => {
    typed.current = false;
    setName(filters.q ?? '');
  }, [filters.q]);
  useEffect(() => {
    if (!typed.current || debounced !== name.trim()) return;
    typed.current = false;
    if (debounced !== (filters.q ?? '')) onChange('q', debounced || null);
  }, [debounced, name, filters.q, onChange]);

  // Choosing the top-level term itself finds every service under it.
  const serviceOptions = useServiceOptions('code', '(all)');

  const active = Object.values(filters).some(Boolean);
  // A select shows its filter from the URL (the key names it: "Any county"); clearing it means any.
  const select = (key: Exclude<FilterKey, 'q'>, searchable = true) => ({
    placeholder: `Any ${key}`,
    value: filters[key] ?? null,
    onChange: (v: string | null) => onChange(key, v),
    clearable: true,
    ...(searchable && { searchable: true, nothingFoundMessage: `No such ${key}` }),
  });
  return (
    <search aria-label="Directory filters">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="md">
        <Select label="Region" data={optionsOf(facets.data?.regions, filters.region)} {...select('region')} />
        <Select
          label="County"
          description="Includes telemedicine"
          data={optionsOf(facets.data?.counties, filters.county)}
          {...select('county')}
        />
        <Select label="Service" data={serviceOptions} {...select('service')} />
        <Select
          label="Insurance"
          description="Free / sliding scale always match"
          data={INSURANCE_OPTIONS}
          {...select('insurance', false)}
        />
        <TextInput
          label="Organization or program name"
          description="Close spellings match too"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={name}
          onChange={(e) => {
            typed.current = true;
            setName(e.currentTarget.value);
          }}
        />
      </SimpleGrid>
      {active && (
        <Group mt="sm">
          <Button variant="subtle" leftSection={<IconX size={16} aria-hidden />} onClick={onClear}>
            Clear filters
          </Button>
        </Group>
      )}
    </search>
  );
}
