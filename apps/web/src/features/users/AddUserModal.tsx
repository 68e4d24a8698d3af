import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormError, fieldErrorGetter } from '../../components/FormError';
import { post } from '../../lib/api';
import { orNull } from '../../lib/format';
import type { User } from '../../lib/types';
import { useRoleOptions } from '../agency/roleOptions';
import { useProgramChoices } from './queries';

const FIELDS = ['email', 'name', 'phone', 'memberships.0.programId', 'memberships.0.roles', 'roles'];

export function AddUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add user" size="lg">
      {opened && <AddUserForm onClose={onClose} />}
    </Modal>
  );
}

function AddUserForm({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const programs = useProgramChoices();
  const roles = useRoleOptions();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [programId, setProgramId] = useState<string | null>(null);
  const [roleCodes, setRoleCodes] = useState<string[]>([]);
  const [programMissing, setProgramMissing] = useState(false);

  const add = useMutation({
    mutationFn: () =>
      post<User>('/api/users', {
        email: email.trim(),
        name: name.trim(),
        phone: orNull(phone),
        // The API takes several memberships; the form adds the first, more come from each program's contacts.
        memberships: [{ programId, roles: roleCodes }],
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
      notifications.show({ color: 'teal', message: 'User added' });
      onClose();
    },
  });
  const err = fieldErrorGetter(add.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    // The server would only say "must match format uuid"; say it in words before sending.
    setProgramMissing(!programId);
    if (programId) add.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Alert color="blue" variant="light">
          They will be able to sign in once they have set a password.
        </Alert>
        <FormError error={add.error} fields={FIELDS} />
        <TextInput
          label="Email"
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={err('email')}
          data-autofocus
        />
        <TextInput
          label="Full name"
          required
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={err('name')}
        />
        <TextInput
          label="Phone"
          type="tel"
          autoComplete="off"
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
          error={err('phone')}
        />
        <Select
          label="Program"
          required
          searchable
          nothingFoundMessage="No program matches"
          placeholder={programs.isPending ? 'Loading programs…' : 'Search or choose a program'}
          data={programs.data ?? []}
          value={programId}
          onChange={(v) => {
            setProgramId(v);
            if (v) setProgramMissing(false);
          }}
          error={
            (programMissing ? 'Choose a program.' : err('memberships.0.programId')) ??
            (programs.error ? 'Programs could not be loaded.' : undefined)
          }
          comboboxProps={{ withinPortal: true }}
        />
        <MultiSelect
          label="Roles"
          required
          data={roles.options}
          placeholder={roles.loading ? 'Loading roles…' : 'Choose one or more'}
          value={roleCodes}
          onChange={setRoleCodes}
          error={err('memberships.0.roles') ?? err('roles')}
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending}>
            Save user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
