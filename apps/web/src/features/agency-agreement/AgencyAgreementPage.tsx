import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { formatDay } from '../../lib/format';
import { AgreementText } from '../agreement/AgreementText';
import { useCan, useSession } from '../session/useSession';
import { NetworkAgreementsSection } from './NetworkAgreementsSection';
import { useCurrentAgencyAgreement, useProgramAgreements } from './queries';
import { SignProgramForm } from './SignProgramForm';
import { StatusBadge } from './StatusBadge';

/**
 * MT-4: the agency agreement a gatekeeper signs for each of their programs, valid 12 months.
 * Network administrators also see every program's status and publish new versions.
 */
export function AgencyAgreementPage() {
  const { data: session } = useSession();
  const can = useCan();
  const admin = can('network:manage');
  const current = useCurrentAgencyAgreement();
  // A network administrator's list is every program; their sign forms are in the same list.
  const programs = useProgramAgreements(null);
  const rows = programs.data?.pages.flatMap((p) => p.items) ?? [];
  const dueSoon = rows.filter((p) => p.status === 'due_soon' || p.status === 'lapsed');
  const agreement = current.data?.current;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Agency agreement"
        description={
          current.data && !current.data.required
            ? 'Your network does not require an agency agreement: signing it is optional.'
            : 'Each program signs the agency agreement every 12 months; without a valid one it is not found in the directory and receives no referrals.'
        }
      />
      {dueSoon.length > 0 && (
        <Alert color="yellow" title="Signature due" role="status">
          {dueSoon
            .map((p) =>
              p.status === 'lapsed'
                ? `${p.programName}: the agreement lapsed on ${formatDay(p.validUntil)}.`
                : `${p.programName}: the agreement lapses on ${formatDay(p.validUntil)} (in ${p.daysLeft} day${p.daysLeft === 1 ? '' : 's'}).`,
            )
            .join(' ')}{' '}
          Sign it again below.
        </Alert>
      )}
      <Paper component="section" withBorder p="lg" aria-labelledby="text-heading">
        <Title order={2} size="h3" id="text-heading" mb="sm">
          Current text
        </Title>
        {current.isPending ? (
          <LoadingBlock />
        ) : current.isError ? (
          <ErrorAlert error={current.error} />
        ) : agreement ? (
          <AgreementText version={agreement.version} text={agreement.text} />
        ) : (
          <EmptyState>
            {admin
              ? 'No agency agreement has been published yet. Publish the first version below.'
              : 'Your network has not published an agency agreement yet.'}
          </EmptyState>
        )}
      </Paper>
      {!admin && (
        <Paper component="section" withBorder p="lg" aria-labelledby="programs-heading">
          <Title order={2} size="h3" id="programs-heading" mb="sm">
            Your programs
          </Title>
          {programs.isPending ? (
            <LoadingBlock />
          ) : programs.isError ? (
            <ErrorAlert error={programs.error} />
          ) : rows.length === 0 ? (
            <EmptyState>
              You are not a gatekeeper of any program of this organization, so there is nothing to sign.
            </EmptyState>
          ) : (
            <Stack gap="lg">
              {rows.map((p) => (
                <Paper key={p.programId} withBorder p="md" component="article" aria-label={p.programName}>
                  <Group justify="space-between" mb="xs">
                    <Title order={3} size="h4">
                      {p.programName}
                    </Title>
                    <StatusBadge program={p} />
                  </Group>
                  <Text size="sm" mb="sm">
                    {p.signedAt
                      ? `Last signed ${formatDay(p.signedAt)} by ${p.signerName} (version ${p.version}).`
                      : 'Not signed yet.'}
                  </Text>
                  {agreement && session && (
                    <SignProgramForm program={p} versionId={agreement.id} name={session.user.name} />
                  )}
                </Paper>
              ))}
            </Stack>
          )}
          <LoadMore pages={programs} />
        </Paper>
      )}
      {admin && <NetworkAgreementsSection versionId={agreement?.id ?? null} name={session?.user.name ?? ''} />}
    </Stack>
  );
}
