import { Box, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { post } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { simulatorKey } from './queries';
import type { SimulatorMessage } from './types';

/** The simulated phone's messages as chat bubbles; each says who wrote it, not only by its side and colour. */
export function SmsConversation({ phone, messages }: { phone: string; messages: SimulatorMessage[] }) {
  return (
    <Paper component="section" withBorder p="lg" aria-labelledby="sms-conversation">
      <Title order={2} size="h3" id="sms-conversation" mb="md">
        Messages on {phone}
      </Title>
      <Stack gap="sm" role="log" aria-label={`Messages on ${phone}`}>
        {messages.length === 0 && <Text>No messages on this phone yet.</Text>}
        {messages.map((m) => (
          <Bubble key={m.id} message={m} />
        ))}
      </Stack>
      <ReplyForm phone={phone} />
    </Paper>
  );
}

function Bubble({ message: m }: { message: SimulatorMessage }) {
  // Outbound is what Portico texted to the phone; inbound is what "this phone" replied.
  const mine = m.direction === 'inbound';
  return (
    <Box maw="80%" ml={mine ? 'auto' : 0}>
      <Text size="xs" ta={mine ? 'right' : 'left'} mb={2}>
        {mine ? 'This phone' : 'Portico'} · {formatDateTime(m.createdAt)}
      </Text>
      <Paper p="sm" radius="lg" bg={mine ? 'teal.8' : 'gray.1'} c={mine ? 'white' : 'dark.9'}>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.body}</Text>
      </Paper>
    </Box>
  );
}

function ReplyForm({ phone }: { phone: string }) {
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const reply = useMutation({
    mutationFn: (text: string) => post<void>('/api/sms/simulator/reply', { from: phone, body: text }),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: simulatorKey(phone) });
      // A consent open in this tab's cache may have moved on (YES → code texted).
      void queryClient.invalidateQueries({ queryKey: ['consents'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body.trim()) reply.mutate(body.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" mt="lg">
        <ErrorAlert error={reply.error} title="The reply was not delivered" />
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Reply from this phone"
            autoComplete="off"
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 200 }}
          />
          <Button
            type="submit"
            loading={reply.isPending && reply.variables !== 'YES'}
            disabled={!body.trim()}
            leftSection={<IconSend size={16} aria-hidden />}
          >
            Send
          </Button>
          <Button
            variant="default"
            loading={reply.isPending && reply.variables === 'YES'}
            onClick={() => reply.mutate('YES')}
          >
            Reply YES
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
