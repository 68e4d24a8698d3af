import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { Session, StageAnswer } from '../../lib/types';
import { nextPath } from './stages';
import { SESSION_KEY } from './useSession';

/**
 * After a sign-in step (password change, passcode) the server names the next one, or null:
 * the cached session learns it, and the user goes to that step's page or into the portal.
 */
export function useCompleteStage(): (answer: StageAnswer) => void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return ({ stage }) => {
    const session = queryClient.getQueryData<Session | null>(SESSION_KEY);
    if (!session) {
      navigate('/sign-in', { replace: true });
      return;
    }
    const next = { ...session, stage };
    queryClient.setQueryData(SESSION_KEY, next);
    navigate(nextPath(next), { replace: true });
    // The acting program and memberships may have been worked out while the step was owed.
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  };
}
