import { List } from '@mantine/core';
import { CONSENT_METHODS, INFO_TYPES, SENSITIVE_INFO_TYPES } from '@portico/shared';
import { DetailList } from '../../components/DetailList';
import { Section } from '../../components/Section';
import { formatDay } from '../../lib/format';
import { authorizerText, labelsOf } from './consentText';
import type { Consent } from './types';

const Items = ({ items, none }: { items: string[]; none: string }) =>
  items.length ? (
    <List size="md" spacing={2}>
      {items.map((i) => (
        <List.Item key={i}>{i}</List.Item>
      ))}
    </List>
  ) : (
    none
  );

function signatureText(c: Consent): string {
  if (!c.method || !c.signedAt) return 'Not signed yet';
  const by = c.signerName ? `${c.signerName}, ` : '';
  return `${by}${formatDay(c.signedAt)} (${CONSENT_METHODS[c.method] ?? c.method})`;
}

/** MT-9: what the release says: who receives what, and who authorized it. */
export function ConsentSummary({ consent: c }: { consent: Consent }) {
  return (
    <Section id="consent-release" title="Release of information">
      <DetailList
        items={[
          {
            label: 'Programs on the consent',
            value: <Items items={c.programs.map((p) => `${p.name} (${p.organizationName})`)} none="None" />,
          },
          { label: 'Information to share', value: <Items items={labelsOf(INFO_TYPES, c.infoTypes)} none="None" /> },
          {
            label: 'Sensitive information',
            value: <Items items={labelsOf(SENSITIVE_INFO_TYPES, c.sensitiveTypes)} none="None authorized" />,
          },
          { label: 'Authorized by', value: authorizerText(c) },
          { label: 'Signature', value: signatureText(c) },
          { label: 'Expires', value: c.expiresAt ? formatDay(c.expiresAt) : 'One year after the signature' },
          { label: 'Created', value: formatDay(c.createdAt) },
        ]}
      />
    </Section>
  );
}
