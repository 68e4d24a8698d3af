import { Skeleton, Stack } from '@mantine/core';

/** A calm placeholder while a section loads; announced once to screen readers. */
export function LoadingBlock({ lines = 3, label = 'Loading' }: { lines?: number; label?: string }) {
  return (
    <Stack gap="xs" role="status" aria-label={label}>
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} height={20} radius="sm" />
      ))}
    </Stack>
  );
}
