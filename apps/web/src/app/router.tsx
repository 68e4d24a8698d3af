import { createBrowserRouter, Navigate } from 'react-router-dom';
import { NotFoundPage } from '../components/NotFoundPage';
import { RequireCapability } from '../components/RequireCapability';
import { AgencyPage } from '../features/agency/AgencyPage';
import { AgencyAgreementPage } from '../features/agency-agreement/AgencyAgreementPage';
import { AgreementPage } from '../features/agreement/AgreementPage';
import { AuditPage } from '../features/audit/AuditPage';
import { ChangeRequestsPage } from '../features/change-requests/ChangeRequestsPage';
import { ClientMergesPage } from '../features/clients/ClientMergesPage';
import { ClientPage } from '../features/clients/ClientPage';
import { ClientsPage } from '../features/clients/ClientsPage';
import { NewClientPage } from '../features/clients/NewClientPage';
import { ConsentPage } from '../features/consents/ConsentPage';
import { NewConsentPage } from '../features/consents/NewConsentPage';
import { SmsSimulatorPage } from '../features/consents/SmsSimulatorPage';
import { DirectoryPage } from '../features/directory/DirectoryPage';
import { DirectoryImportPage } from '../features/directory-import/DirectoryImportPage';
import { IntakeFormPage } from '../features/intake-forms/IntakeFormPage';
import { SentMailPage } from '../features/mail/SentMailPage';
import { NetworkSettingsPage } from '../features/network/NetworkSettingsPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { OrganizationsPage } from '../features/organizations/OrganizationsPage';
import { ChangePasswordPage } from '../features/password/ChangePasswordPage';
import { ForgotPasswordPage } from '../features/password/ForgotPasswordPage';
import { SetPasswordPage } from '../features/password/SetPasswordPage';
import { NewReferralPage } from '../features/referrals/NewReferralPage';
import { ReferralPage } from '../features/referrals/ReferralPage';
import { ReferralsPage } from '../features/referrals/ReferralsPage';
import { RegisterPage } from '../features/registrations/RegisterPage';
import { RegistrationsPage } from '../features/registrations/RegistrationsPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { AuthenticatorPage } from '../features/session/AuthenticatorPage';
import { ChooseProgramPage } from '../features/session/ChooseProgramPage';
import { PasscodePage } from '../features/session/PasscodePage';
import { RequireSession } from '../features/session/RequireSession';
import { SignInPage } from '../features/session/SignInPage';
import { SessionsPage } from '../features/sessions/SessionsPage';
import { UsersPage } from '../features/users/UsersPage';
import { AppLayout } from './layout';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  // CS-1: providers apply without an account.
  { path: '/register', element: <RegisterPage /> },
  { path: '/set-password', element: <SetPasswordPage /> },
  // The steps owed after the password (NCC-1); the guard sends every other session on.
  {
    path: '/passcode',
    element: (
      <RequireSession stages={['second_factor', 'second_factor_enrolment']}>
        <PasscodePage />
      </RequireSession>
    ),
  },
  {
    path: '/authenticator',
    // Also when done: the recovery codes stay on screen until the user says they saved them.
    element: (
      <RequireSession stages={['second_factor', 'second_factor_enrolment', null]}>
        <AuthenticatorPage />
      </RequireSession>
    ),
  },
  {
    path: '/change-password',
    element: (
      <RequireSession stages={['password_change', null]}>
        <ChangePasswordPage />
      </RequireSession>
    ),
  },
  // MT-3: signed before anything else when due; readable any time from the user menu.
  {
    path: '/agreement',
    element: (
      <RequireSession acting agreement={false}>
        <AgreementPage />
      </RequireSession>
    ),
  },
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
        path: 'directory',
        element: (
          <RequireCapability capability="organization:read" title="Directory">
            <DirectoryPage />
          </RequireCapability>
        ),
      },
      {
        path: 'clients',
        element: (
          <RequireCapability capability="clients:read" title="Clients">
            <ClientsPage />
          </RequireCapability>
        ),
      },
      {
        path: 'clients/new',
        element: (
          <RequireCapability capability="clients:write" title="New client">
            <NewClientPage />
          </RequireCapability>
        ),
      },
      {
        path: 'client-merges',
        element: (
          <RequireCapability capability="network:manage" title="Client merges">
            <ClientMergesPage />
          </RequireCapability>
        ),
      },
      {
        path: 'clients/:id',
        element: (
          <RequireCapability capability="clients:read" title="Client">
            <ClientPage />
          </RequireCapability>
        ),
      },
      {
        path: 'clients/:id/consents/new',
        element: (
          <RequireCapability capability="consents:write" title="New consent">
            <NewConsentPage />
          </RequireCapability>
        ),
      },
      {
        path: 'clients/:id/referrals/new',
        element: (
          <RequireCapability capability="referrals:write" title="New referral">
            <NewReferralPage />
          </RequireCapability>
        ),
      },
      {
        path: 'referrals',
        element: (
          <RequireCapability capability="referrals:read" title="Referrals">
            <ReferralsPage />
          </RequireCapability>
        ),
      },
      {
        path: 'referrals/:id',
        element: (
          <RequireCapability capability="referrals:read" title="Referral">
            <ReferralPage />
          </RequireCapability>
        ),
      },
      {
        path: 'reports',
        element: (
          <RequireCapability capability="referrals:read" title="Reports">
            <ReportsPage />
          </RequireCapability>
        ),
      },
      {
        path: 'consents/:id',
        element: (
          <RequireCapability capability="consents:read" title="Consent">
            <ConsentPage />
          </RequireCapability>
        ),
      },
      {
        path: 'sms-simulator',
        element: (
          <RequireCapability capability="consents:read" title="Phone simulator">
            <SmsSimulatorPage />
          </RequireCapability>
        ),
      },
      {
        path: 'intake-form',
        element: (
          <RequireCapability capability="organization:write" title="Intake form">
            <IntakeFormPage />
          </RequireCapability>
        ),
      },
      {
        path: 'agency-agreement',
        element: (
          <RequireCapability capability="agreements:sign" title="Agency agreement">
            <AgencyAgreementPage />
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
        path: 'directory-import',
        element: (
          <RequireCapability capability="network:manage" title="Directory import">
            <DirectoryImportPage />
          </RequireCapability>
        ),
      },
      {
        path: 'change-requests',
        element: (
          <RequireCapability capability="organization:read" title="Change requests">
            <ChangeRequestsPage />
          </RequireCapability>
        ),
      },
      {
        path: 'registrations',
        element: (
          <RequireCapability capability="network:manage" title="Registrations">
            <RegistrationsPage />
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
      {
        path: 'mail',
        element: (
          <RequireCapability capability="network:manage" title="Sent mail">
            <SentMailPage />
          </RequireCapability>
        ),
      },
      {
        path: 'network',
        element: (
          <RequireCapability capability="network:manage" title="Network settings">
            <NetworkSettingsPage />
          </RequireCapability>
        ),
      },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'sessions', element: <SessionsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
