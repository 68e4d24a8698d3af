import { Button, Group, Radio, Stack, Switch } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormError } from '../../components/FormError';
import { patch } from '../../lib/api';
import type { Network } from '../../lib/types';

type Settings = Pick<Network, 'directoryPublic' | 'requiresAgencyAgreement'> & {
  organizationEdits: 'direct' | 'change_request';
};
const FIELDS = ['directoryPublic', 'requiresAgencyAgreement', 'organizationEdits'];

/** The directory rules the network decides: a public HSDS feed, MT-4 agreements, NCC-5 change requests. */
export function DirectorySettingsForm({ network }: { network: Network }) {
  const [draft, setDraft] = useState<Settings>({
    directoryPublic: network.directoryPublic,
    requiresAgencyAgreement: network.requiresAgencyAgreement,
    organizationEdits: network.organizationEdits ?? 'direct',
  });
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: Settings) => patch<Settings>('/api/network/directory', body),
    onSuccess: () => {
      // The navigation (Change requests) and the directory pages read these from the network.
      void queryClient.invalidateQueries({ queryKey: ['network'] });
      void queryClient.invalidateQueries({ queryKey: ['directory'] });
      notifications.show({ color: 'teal', title: 'Directory settings saved', message: 'They apply from now on.' });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Directory settings">
      <Stack gap="md">
        <FormError error={save.error} fields={FIELDS} />
        <Switch
          label="Publish the directory"
          description={`Anyone may read it as Open Referral HSDS 3.0 at /api/hsds/${network.slug}/services. Off: only signed-in members of this network.`}
          checked={draft.directoryPublic}
          onChange={(e) => setDraft({ ...draft, directoryPublic: e.currentTarget.checked })}
        />
        <Switch
          label="Require an agency agreement"
          description="A program without a valid agency agreement is left out of directory search and cannot receive referrals."
          checked={draft.requiresAgencyAgreement}
          onChange={(e) => setDraft({ ...draft, requiresAgencyAgreement: e.currentTarget.checked })}
        />
        <Radio.Group
          label="Changes to organisation, service and contact details"
          value={draft.organizationEdits}
          onChange={(v) => setDraft({ ...draft, organizationEdits: v as Settings['organizationEdits'] })}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="direct" label="Apply at once (the organization's administrators edit them)" />
            <Radio value="change_request" label="Become change requests that the network team accepts or rejects" />
          </Stack>
        </Radio.Group>
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save directory settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
