import { Button, Group, Paper, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface Props {
  /** The heading's id: the h2 names the region, so it can be found by landmark. */
  id: string;
  title: ReactNode;
  /** A line under the heading. */
  description?: ReactNode;
  /** Opposite the heading, e.g. an EditButton. */
  action?: ReactNode;
  children: ReactNode;
}

/** A bordered section of a page, headed by its h2 and an optional action. */
export function Section({ id, title, description, action, children }: Props) {
  const heading = (
    <Title order={2} size="h3" id={id}>
      {title}
    </Title>
  );
  return (
    <Paper component="section" withBorder p="lg" aria-labelledby={id}>
      <Group justify="space-between" mb="md">
        {description ? (
          <div>
            {heading}
            {description}
          </div>
        ) : (
          heading
        )}
        {action}
      </Group>
      {children}
    </Paper>
  );
}

export function EditButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={onClick}>
      {children}
    </Button>
  );
}
