import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { post } from '../../lib/api';
import type { User } from '../../lib/types';

export type UserAction = 'unlock' | 'reactivate' | 'invitation' | 'temporary-password';

export const ACTION_LABELS: Record<UserAction, string> = {
  unlock: 'Unlock',
  reactivate: 'Reactivate',
  invitation: 'Send invitation',
  'temporary-password': 'Send temporary password',
};

const DONE: Record<UserAction, (u: User) => string> = {
  unlock: (u) => `${u.name} is unlocked and can sign in again.`,
  reactivate: (u) => `${u.name} is reactivated and can sign in again.`,
  invitation: (u) => `An invitation to set a password was emailed to ${u.email}.`,
  'temporary-password': (u) => `A temporary password was emailed to ${u.email}. They change it when they sign in.`,
};

/** A network administrator's help with someone's sign-in: one endpoint per action, a toast when done. */
export function useUserAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, action }: { user: User; action: UserAction }) =>
      post<void>(`/api/users/${encodeURIComponent(user.id)}/${action}`),
    onSuccess: (_data, { user, action }) => {
      notifications.show({ color: 'teal', title: ACTION_LABELS[action], message: DONE[action](user) });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['mail'] });
    },
  });
}
