import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder p="lg" bg="gray.0" ta="center">
      <Text>{children}</Text>
    </Paper>
  );
}
