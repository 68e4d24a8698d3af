import { Button, Group, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import { useSession } from './useSession';

/** MT-5: the program the user acts as is always in view; switching is one click away. */
export function ProgramSwitcher() {
  const { data: session } = useSession();
  const navigate = useNavigate();
  const acting = session?.acting;
  if (!acting) return null;
  return (
    <Group gap="sm" wrap="nowrap" miw={0}>
      <div style={{ minWidth: 0 }}>
        <Text size="xs" c="dimmed" lh={1.2}>
          Acting as
        </Text>
        <Text fw={600} size="sm" truncate lh={1.3} data-testid="acting-program">
          {acting.programName}
        </Text>
        <Text size="xs" truncate lh={1.2}>
          {acting.organizationName}
        </Text>
      </div>
      {(session?.memberships.length ?? 0) > 1 && (
        <Button
          onClick={() => navigate('/choose-program')}
          variant="default"
          size="xs"
          leftSection={<IconArrowsExchange size={14} aria-hidden />}
        >
          Switch program
        </Button>
      )}
    </Group>
  );
}
