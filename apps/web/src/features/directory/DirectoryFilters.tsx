import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { INSURANCE, INSURANCE_CODES } from '@portico/shared';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FilterKey, Filters } from './filters';
import { useFacets, useTaxonomy } from './queries';

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
  const taxonomy = useTaxonomy();
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

  // Grouped by top-level term; choosing the top-level term itself finds every service under it.
  const serviceOptions = useMemo(
    () =>
      (taxonomy.data?.items ?? []).map((top) => ({
        group: top.name,
        items: [
          { value: top.code, label: `${top.name} (all)` },
          ...top.children.map((c) => ({ value: c.code, label: c.name })),
        ],
      })),
    [taxonomy.data],
  );

  const active = Object.values(filters).some(Boolean);
  return (
    <search aria-label="Directory filters">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="md">
        <Select
          label="Region"
          placeholder="Any region"
          data={optionsOf(facets.data?.regions, filters.region)}
          value={filters.region ?? null}
          onChange={(v) => onChange('region', v)}
          clearable
          searchable
          nothingFoundMessage="No such region"
        />
        <Select
          label="County"
          placeholder="Any county"
          description="Includes telemedicine"
          data={optionsOf(facets.data?.counties, filters.county)}
          value={filters.county ?? null}
          onChange={(v) => onChange('county', v)}
          clearable
          searchable
          nothingFoundMessage="No such county"
        />
        <Select
          label="Service"
          placeholder="Any service"
          data={serviceOptions}
          value={filters.service ?? null}
          onChange={(v) => onChange('service', v)}
          clearable
          searchable
          nothingFoundMessage="No such service"
        />
        <Select
          label="Insurance"
          placeholder="Any insurance"
          description="Free / sliding scale always match"
          data={INSURANCE_OPTIONS}
          value={filters.insurance ?? null}
          onChange={(v) => onChange('insurance', v)}
          clearable
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
