import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { AGREEMENT_KEY } from '../features/agreement/queries';
import { SESSION_KEY } from '../features/session/useSession';
import { ApiError, needsAgreement, needsProgramChoice, needsStage } from '../lib/api';

/**
 * One place reacts to "signed out", "choose a program", "a sign-in step is owed" and "sign the user
 * agreement": the session (or agreement) query is refreshed, and the route guards (RequireSession)
 * send the user to the sign-in page, the program chooser, the page of the step (change password,
 * passcode) or the agreement page.
 */
function onApiError(error: unknown) {
  if (!(error instanceof ApiError)) return;
  if (error.status === 401) queryClient.setQueryData(SESSION_KEY, null);
  else if (needsProgramChoice(error) || needsStage(error))
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  else if (needsAgreement(error)) void queryClient.invalidateQueries({ queryKey: AGREEMENT_KEY });
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not change on retry; a network blip might.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});
