import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { ApiError, del, errorDetail } from '../../lib/api';
import { SESSION_KEY } from './useSession';

/** Once this browser's session has ended: to the sign-in page, with nothing of the user left cached. */
export function useSignedOut(): () => void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return () => {
    navigate('/sign-in', { replace: true });
    queryClient.clear();
    queryClient.setQueryData(SESSION_KEY, null);
  };
}

export function useSignOut() {
  const signedOut = useSignedOut();
  return useMutation({
    mutationFn: () => del<void>('/api/session'),
    onSettled: (_data, error) => {
      // A 401 means the session had already ended: that is signed out too.
      if (error && !(error instanceof ApiError && error.status === 401)) {
        notifications.show({ color: 'red', title: 'Could not sign out', message: errorDetail(error) });
        return;
      }
      signedOut();
    },
  });
}
