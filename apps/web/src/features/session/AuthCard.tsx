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
  width = 460,
  children,
}: {
  title: string;
  /** The tab title when it differs from the heading. */
  pageTitle?: string;
  action?: ReactNode;
  /** Most of these pages are a short form; the user agreement needs room to read. */
  width?: number;
  children: ReactNode;
}) {
  usePageTitle(pageTitle);
  return (
    <Box component="main" id="main-content" mih="100vh" bg="gray.0" py={80} px="md">
      <Paper withBorder shadow="sm" p={{ base: 'md', xs: 'xl' }} maw={width} mx="auto">
        <Stack gap="lg">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            {/* On phones a long heading ("authenticator") breaks rather than pushing the action off the card. */}
            <div style={{ minWidth: 0, hyphens: 'auto', overflowWrap: 'break-word' }}>
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
