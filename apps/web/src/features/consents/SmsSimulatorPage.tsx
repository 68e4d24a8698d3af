import { Alert, Select, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { ApiError } from '../../lib/api';
import { useSimulator } from './queries';
import { SmsConversation } from './SmsConversation';

/** MT-10 demo: the client's side of a text-message signature, when the server runs the simulator gateway. */
export function SmsSimulatorPage() {
  const [phone, setPhone] = useState<string | null>(null);
  const sim = useSimulator(phone);
  const phones = sim.data?.phones ?? [];
  const off = sim.error instanceof ApiError && sim.error.status === 404;

  // The newest number texted is the one a demo is most likely about.
  const newest = phones[0];
  useEffect(() => {
    if (!phone && newest) setPhone(newest);
  }, [phone, newest]);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Phone simulator"
        description="In this demo, text messages do not leave Portico. Play the client's phone here."
      />
      {off ? (
        <Alert color="yellow" title="The simulator is off">
          This server sends real text messages; the simulator is off.
        </Alert>
      ) : (
        <ErrorAlert error={sim.error} title="Could not load the messages" />
      )}
      {sim.isPending && <LoadingBlock label="Loading the messages" />}
      {sim.isSuccess && phones.length === 0 && (
        <EmptyState>
          No phone has been texted yet. Send a consent request by text message, and the client's phone appears here.
        </EmptyState>
      )}
      {phones.length > 0 && (
        <Select
          label="Phone"
          description="Numbers texted in this network, newest first."
          data={phones}
          value={phone}
          onChange={(v) => v && setPhone(v)}
          allowDeselect={false}
          maw={320}
        />
      )}
      {phone && sim.isPlaceholderData && <LoadingBlock label="Loading the conversation" />}
      {phone && sim.data && !sim.isPlaceholderData && <SmsConversation phone={phone} messages={sim.data.messages} />}
    </Stack>
  );
}
