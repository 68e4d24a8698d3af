import { createBrowserRouter, Navigate } from 'react-router-dom';
import { NotFoundPage } from '../components/NotFoundPage';
import { RequireCapability } from '../components/RequireCapability';
import { AgencyPage } from '../features/agency/AgencyPage';
import { AuditPage } from '../features/audit/AuditPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { OrganizationsPage } from '../features/organizations/OrganizationsPage';
import { ChooseProgramPage } from '../features/session/ChooseProgramPage';
import { RequireSession } from '../features/session/RequireSession';
import { SignInPage } from '../features/session/SignInPage';
import { UsersPage } from '../features/users/UsersPage';
import { AppLayout } from './layout';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/choose-program',
    element: (
      <RequireSession>
        <ChooseProgramPage />
      </RequireSession>
    ),
  },
  {
    path: '/',
    element: (
      <RequireSession acting>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to="/agency" replace /> },
      {
        path: 'agency',
        element: (
          <RequireCapability capability="organization:read" title="Agency">
            <AgencyPage />
          </RequireCapability>
        ),
      },
      {
        path: 'organizations',
        element: (
          <RequireCapability capability="network:manage" title="Organizations">
            <OrganizationsPage />
          </RequireCapability>
        ),
      },
      {
        path: 'users',
        element: (
          <RequireCapability capability="network:manage" title="Users">
            <UsersPage />
          </RequireCapability>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireCapability capability="audit:read" title="Audit log">
            <AuditPage />
          </RequireCapability>
        ),
      },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
