import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { DetailList } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { ApiError, post } from '../../lib/api';
import { useClient } from '../clients/queries';
import type { Client } from '../clients/types';
import { useClientConsents } from '../consents/queries';
import { IntakeFields } from '../intake-forms/IntakeFields';
import { useIntakeForm } from '../intake-forms/queries';
import { useIntakeDraft } from '../intake-forms/useIntakeDraft';
import { useSession } from '../session/useSession';
import { ExistingReferral } from './ExistingReferral';
import { existingReferralOf, useRefreshReferrals } from './queries';
import { ReasonInput } from './ReasonInput';
import { programText } from './referralText';
import { SendDialog } from './SendDialog';
import { referablePrograms } from './tiles';
import type { Referral, ReferralProgram } from './types';

/** MT-11: a referral of one client to one program named on a valid consent, saved as a draft or sent. */
export function NewReferralPage() {
  const { id = '' } = useParams();
  const programId = useSearchParams()[0].get('programId') ?? '';
  const client = useClient(id);
  const consents = useClientConsents(id);
  const acting = useSession().data?.acting;
  const program = referablePrograms(consents.data?.items ?? [], acting?.programId ?? '').find(
    (p) => p.id === programId,
  );
  if (client.data && program) return <NewReferralForm client={client.data} program={program} />;
  const notFound = client.error instanceof ApiError && client.error.status === 404;
  const noConsent = client.isSuccess && consents.isSuccess && !program;
  return (
    <Stack gap="lg">
      <PageHeader title={notFound ? 'Client not found' : 'New referral'} />
      {notFound && (
        <Text>
          No client your program may see has this address.{' '}
          <Anchor component={Link} to="/clients">
            Find a client
          </Anchor>
        </Text>
      )}
      {noConsent && (
        <Alert color="yellow" title="No consent for this program">
          A referral needs a signed consent naming the program and yours.{' '}
          <Anchor component={Link} to={`/clients/${id}`} c="inherit" underline="always" fw={600}>
            Back to the client’s profile
          </Anchor>
        </Alert>
      )}
      {!notFound && <ErrorAlert error={client.error} title="Could not load the client" />}
      <ErrorAlert error={consents.error} title="Could not load the consents" />
      {(client.isPending || consents.isPending) && <LoadingBlock label="Loading the client" />}
    </Stack>
  );
}

function NewReferralForm({ client, program }: { client: Client; program: ReferralProgram }) {
  const navigate = useNavigate();
  const refresh = useRefreshReferrals();
  const acting = useSession().data?.acting;
  const [reason, setReason] = useState('');
  // MT-11: the receiving program's own questions, in its current form version.
  const form = useIntakeForm(program.id);
  const fields = form.data?.fields ?? [];
  const intake = useIntakeDraft(fields);
  const [sending, sendDialog] = useDisclosure(false);
  // A draft made by a send whose second step failed: trying again only sends it.
  const [draftId, setDraftId] = useState<string | null>(null);
  const clientName = `${client.firstName} ${client.lastName}`;
  const body = () => ({
    clientId: client.id,
    toProgramId: program.id,
    reason: reason.trim() || undefined,
    intake: intake.answers(),
  });
  /** Required questions are checked here first, with the server's rule, before the insurance question. */
  const askToSend = () => intake.readyToSend() && sendDialog.open();
  const done = (referralId: string, message: string) => {
    refresh(client.id);
    notifications.show({ color: 'teal', message });
    navigate(`/referrals/${referralId}`);
  };

  const save = useMutation({
    mutationFn: () => post<Referral>('/api/referrals', body()),
    onSuccess: (r) => done(r.id, 'Referral saved as a draft'),
  });
  const send = useMutation({
    mutationFn: async () => {
      const referralId = draftId ?? (await post<Referral>('/api/referrals', body())).id;
      setDraftId(referralId);
      await post<Referral>(`/api/referrals/${referralId}/send`, { insuranceConfirmed: true });
      return referralId;
    },
    onSuccess: (referralId) => done(referralId, `Referral sent to ${program.name}`),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const existing = existingReferralOf(save.error) ?? existingReferralOf(send.error);

  return (
    <Stack gap="lg">
      <PageHeader
        title="New referral"
        description={
          <>
            For{' '}
            <Anchor component={Link} to={`/clients/${client.id}`}>
              {clientName}
            </Anchor>{' '}
            to {program.name}
          </>
        }
      />
      <Section id="new-referral-parties" title="Client and programs">
        <DetailList
          items={[
            { label: 'Client', value: clientName },
            {
              label: 'From',
              value: acting ? programText({ name: acting.programName, organizationName: acting.organizationName }) : '',
            },
            { label: 'Receiving program', value: programText(program) },
          ]}
        />
      </Section>
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Section id="new-referral-details" title="Referral">
            <ReasonInput value={reason} onChange={setReason} error={save.error ?? send.error} />
          </Section>
          <ErrorAlert error={form.error} title={`Could not load ${program.name}’s intake form`} />
          {fields.length > 0 && (
            <Section
              id="new-referral-intake"
              title={`${program.name} intake`}
              description={<Text size="sm">Questions marked * must be answered before sending; a draft may wait.</Text>}
            >
              <IntakeFields
                fields={fields}
                values={intake.values}
                onChange={intake.change}
                errors={intake.errors(save.error ?? send.error)}
              />
            </Section>
          )}
          {intake.hasMissing && (
            <Alert color="red" title="Some required questions are not answered">
              Answer the questions marked in red, or save the referral as a draft.
            </Alert>
          )}
          {existing ? (
            <ExistingReferral id={existing} programName={program.name} />
          ) : (
            <ErrorAlert error={save.error} title="Could not save the referral" />
          )}
          <Group justify="flex-end">
            <Button component={Link} to={`/clients/${client.id}`} variant="default">
              Cancel
            </Button>
            <Button type="submit" variant="default" loading={save.isPending} disabled={send.isPending}>
              Save as draft
            </Button>
            <Button onClick={askToSend} disabled={save.isPending || form.isPending}>
              Send referral
            </Button>
          </Group>
        </Stack>
      </form>
      <SendDialog
        opened={sending}
        onClose={sendDialog.close}
        onSend={() => send.mutate()}
        pending={send.isPending}
        error={existing ? null : send.error}
        toProgramName={program.name}
        notice={
          existing ? (
            <ExistingReferral id={existing} programName={program.name} />
          ) : (
            draftId &&
            send.error && (
              <Text size="sm">
                The referral is saved as a draft.{' '}
                <Anchor component={Link} to={`/referrals/${draftId}`}>
                  Open the draft
                </Anchor>
              </Text>
            )
          )
        }
      />
    </Stack>
  );
}
