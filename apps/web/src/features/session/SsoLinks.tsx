import { Button, Divider, Stack } from '@mantine/core';
import { IconLogin2 } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../lib/api';
import type { SsoNetwork } from '../../lib/types';

/**
 * ND-9: one link per network that signs in through its identity provider. A plain link: the browser
 * leaves for the provider and comes back to the portal signed in. Nothing when no network offers it
 * (or the list cannot be loaded: the password form still works).
 */
export function SsoLinks() {
  const networks = useQuery({
    queryKey: ['sso-networks'],
    queryFn: () => get<{ items: SsoNetwork[] }>('/api/sso/networks'),
    staleTime: 5 * 60_000,
  });
  const items = networks.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="sm">
      <Divider label="or" labelPosition="center" />
      {items.map((n) => (
        <Button
          key={n.slug}
          component="a"
          href={n.startUrl}
          variant="default"
          fullWidth
          // Long provider or network names wrap rather than being cut short.
          h="auto"
          mih={36}
          py={6}
          styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
          leftSection={<IconLogin2 size={16} aria-hidden />}
        >
          Sign in with {n.displayName}
          {items.length > 1 && ` (${n.name})`}
        </Button>
      ))}
    </Stack>
  );
}
