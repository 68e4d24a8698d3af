import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../../components/usePageTitle';

/**
 * The frame of the pages outside the portal's navigation: sign-in, password links, sign-in steps.
 * One h1; `action` sits beside it (a "Sign out" button on the steps of signing in).
 */
export function AuthCard({
  title,
  pageTitle = title,
  action,
  children,
}: {
  title: string;
  /** The tab title when it differs from the heading. */
  pageTitle?: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  usePageTitle(pageTitle);
  return (
    <Box component="main" id="main-content" mih="100vh" bg="gray.0" py={80} px="md">
      <Paper withBorder shadow="sm" p="xl" maw={460} mx="auto">
        <Stack gap="lg">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Text fw={700} c="teal.9" size="sm" tt="uppercase">
                Portico provider portal
              </Text>
              <Title order={1} size="h2">
                {title}
              </Title>
            </div>
            {action && <Box style={{ flexShrink: 0 }}>{action}</Box>}
          </Group>
          {children}
        </Stack>
      </Paper>
    </Box>
  );
}
