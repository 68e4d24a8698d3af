import { Stack } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { useNetwork } from '../session/useSession';
import { AgreementSettingsForm } from './AgreementSettingsForm';
import { DirectorySettingsForm } from './DirectorySettingsForm';
import { useNetworkPolicy, useReferralSettings, useSsoSettings } from './queries';
import { ReferralSettingsForm } from './ReferralSettingsForm';
import { SettingsSection } from './SettingsSection';
import { SignaturesTable } from './SignaturesTable';
import { SignInRulesForm } from './SignInRulesForm';
import { SsoSettingsForm } from './SsoSettingsForm';

/**
 * Network administrators: sign-in rules (NCC-1, MT-1), user agreement (MT-3), directory (MT-4, NCC-5),
 * referrals (MT-12 refusal reasons, MT-16 holidays) and single sign-on (ND-9).
 */
export function NetworkSettingsPage() {
  const network = useNetwork();
  const policy = useNetworkPolicy();
  const sso = useSsoSettings();
  const referrals = useReferralSettings();
  return (
    <Stack gap="xl" maw={960}>
      <PageHeader
        title="Network settings"
        description={network.data ? `How people sign in to ${network.data.name}, and what they agree to.` : undefined}
      />
      <SettingsSection
        title="Sign-in rules"
        description="Passwords, lockout, expiry, session lengths and the second factor of everyone in this network. Someone in several networks meets the strictest rules of them all."
      >
        {policy.isPending && <LoadingBlock lines={6} label="Loading the sign-in rules" />}
        <ErrorAlert error={policy.error} title="Could not load the sign-in rules" />
        {policy.data && <SignInRulesForm initial={policy.data.security} />}
      </SettingsSection>
      <SettingsSection
        title="User agreement"
        description="The terms users read and sign, with their typed name, before they can use the portal."
      >
        {policy.isPending && <LoadingBlock label="Loading the user agreement" />}
        <ErrorAlert error={policy.error} title="Could not load the user agreement" />
        {policy.data && <AgreementSettingsForm initial={policy.data.userAgreement} />}
        <SignaturesTable />
      </SettingsSection>
      <SettingsSection
        title="Directory"
        description="Who may read the network's directory, whether programs need an agency agreement, and how their details change."
      >
        {network.isPending && <LoadingBlock label="Loading the directory settings" />}
        {network.data && <DirectorySettingsForm network={network.data} />}
      </SettingsSection>
      <SettingsSection
        title="Referrals"
        description="The reasons gatekeepers give when they refuse a referral, and the holidays that do not count as business days when a referral is flagged as stale."
      >
        {referrals.isPending && <LoadingBlock lines={4} label="Loading the referral settings" />}
        <ErrorAlert error={referrals.error} title="Could not load the referral settings" />
        {referrals.data && <ReferralSettingsForm initial={referrals.data} />}
      </SettingsSection>
      <SettingsSection
        title="Single sign-on"
        description="Let users sign in through your organization’s identity provider (OpenID Connect). Portico matches them by their verified email address and never creates accounts."
      >
        {sso.isPending && <LoadingBlock label="Loading the single sign-on settings" />}
        <ErrorAlert error={sso.error} title="Could not load the single sign-on settings" />
        {sso.data && <SsoSettingsForm initial={sso.data} />}
      </SettingsSection>
    </Stack>
  );
}
