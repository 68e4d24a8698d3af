import { Tabs } from '@mantine/core';
import { IconDeviceMobileMessage, IconPencil, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { Section } from '../../components/Section';
import { ESignForm } from './ESignForm';
import { PaperSignForm } from './PaperSignForm';
import { SmsSignForm } from './SmsSignForm';
import type { Consent } from './types';

/** MT-10: the three ways to sign, as tabs (arrow keys move between them). */
export function SignaturePanel({ consent, clientPhone }: { consent: Consent; clientPhone: string | null }) {
  // A text-message signature under way is where the staff member left off.
  const [tab, setTab] = useState<string | null>(consent.sms ? 'sms' : 'esign');
  return (
    <Section id="consent-signature" title="Collect the signature">
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List aria-label="How the consent is signed">
          <Tabs.Tab value="esign" leftSection={<IconPencil size={16} aria-hidden />}>
            E-sign
          </Tabs.Tab>
          <Tabs.Tab value="sms" leftSection={<IconDeviceMobileMessage size={16} aria-hidden />}>
            Text message
          </Tabs.Tab>
          <Tabs.Tab value="paper" leftSection={<IconPrinter size={16} aria-hidden />}>
            Paper
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="esign" pt="md">
          <ESignForm consent={consent} />
        </Tabs.Panel>
        <Tabs.Panel value="sms" pt="md">
          <SmsSignForm consent={consent} clientPhone={clientPhone} />
        </Tabs.Panel>
        <Tabs.Panel value="paper" pt="md">
          <PaperSignForm consent={consent} />
        </Tabs.Panel>
      </Tabs>
    </Section>
  );
}
