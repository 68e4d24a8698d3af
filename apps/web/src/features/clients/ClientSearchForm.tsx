import { Box, Button, Group, SimpleGrid, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type ChangeEvent, useEffect, useState } from 'react';
import type { ClientSearch } from './types';

const EMPTY = { q: '', memberId: '', firstName: '', lastName: '', birthDate: '' };
type Criteria = typeof EMPTY;

interface Props {
  search: ClientSearch;
  onSearch: (search: ClientSearch) => void;
  err: (field: string) => string | undefined;
}

/** MT-7 / CI-1: a typo-tolerant name box, an exact match by name and birth date, and the member ID. */
export function ClientSearchForm({ search, onSearch, err }: Props) {
  const [criteria, setCriteria] = useState<Criteria>({ ...EMPTY, ...search });
  // The URL changed from outside (back button): the boxes follow it.
  useEffect(() => setCriteria({ ...EMPTY, ...search }), [search]);
  const exactOpen = Boolean(search.firstName || search.lastName || search.birthDate);
  const box = (key: keyof Criteria) => ({
    value: criteria[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => setCriteria({ ...criteria, [key]: e.currentTarget.value }),
    error: err(key),
  });

  return (
    <search aria-label="Find a client">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const trimmed = Object.entries(criteria).map(([k, v]) => [k, v.trim()] as const);
          onSearch(Object.fromEntries(trimmed.filter(([, v]) => v !== '')));
        }}
        noValidate
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="Name"
            description="First and last name; close spellings match too"
            leftSection={<IconSearch size={16} aria-hidden />}
            autoComplete="off"
            {...box('q')}
          />
          <TextInput
            label="Member ID"
            description="From the health-plan card"
            autoComplete="off"
            {...box('memberId')}
          />
        </SimpleGrid>
        <Box component="details" open={exactOpen} mt="md">
          <Text component="summary" fw={600} style={{ cursor: 'pointer' }}>
            Exact match
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" mt="sm">
            <TextInput label="First name" autoComplete="off" {...box('firstName')} />
            <TextInput label="Last name" autoComplete="off" {...box('lastName')} />
            <TextInput label="Date of birth" type="date" {...box('birthDate')} />
          </SimpleGrid>
        </Box>
        <Group mt="md">
          <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />}>
            Search
          </Button>
        </Group>
      </form>
    </search>
  );
}
