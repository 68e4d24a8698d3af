import { Button, Group, Text } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/**
 * A button that copies `value`, and a status line screen readers announce: copied, or (no clipboard
 * in this browser) that the text must be selected and copied by hand. The button keeps its name.
 */
export function CopyAction({ value, label, ariaLabel }: { value: string; label: string; ariaLabel?: string }) {
  const clipboard = useClipboard({ timeout: 3000 });
  return (
    <Group gap="sm" wrap="nowrap">
      <Button
        variant="default"
        size="sm"
        onClick={() => clipboard.copy(value)}
        aria-label={ariaLabel}
        leftSection={clipboard.copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
      >
        {label}
      </Button>
      <Text size="sm" role="status">
        {clipboard.copied && 'Copied.'}
        {clipboard.error && 'This browser did not allow copying: select the text and copy it.'}
      </Text>
    </Group>
  );
}
