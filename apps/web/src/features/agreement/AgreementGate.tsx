import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { FullPageLoader } from '../../components/FullPageLoader';
import { useAgreement } from './queries';

/**
 * MT-3: a user whose network's agreement is due signs it before anything else; the agreement page
 * brings them back to where they were going. Asked once per session (the answer is cached). If the
 * question fails, the portal stays open: the server itself closes the routes that need a signature.
 */
export function AgreementGate({ children }: { children: ReactNode }) {
  const agreement = useAgreement();
  const { pathname, search } = useLocation();
  if (agreement.isPending) return <FullPageLoader />;
  if (agreement.data?.due) return <Navigate to="/agreement" replace state={{ from: `${pathname}${search}` }} />;
  return <>{children}</>;
}
