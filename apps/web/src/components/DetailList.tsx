import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './DetailList.module.css';

/** Label–value pairs as a description list, so screen readers announce them as pairs. */
export function DetailList({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <SimpleGrid
      component="dl"
      cols={{ base: 1, sm: 2, lg: 3 }}
      spacing="lg"
      verticalSpacing="md"
      className={classes.list}
    >
      {items.map((item) => (
        <div key={item.label}>
          <Text component="dt" size="sm" fw={600}>
            {item.label}
          </Text>
          <Text component="dd" className={classes.value}>
            {item.value || 'Not given'}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
