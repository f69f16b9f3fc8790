/** The routes. Admin sections take their access rule from nav.ts, so the menu and the guard agree. */
import type { ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { RequireOrganisation } from './components/require-organisation';
import { RequireRoles } from './components/require-roles';
import { AdminLayout } from './layout/admin.layout';
import { PublicLayout } from './layout/public.layout';
import { RootLayout } from './layout/root.layout';
import { SignedInLayout } from './layout/signed-in.layout';
import { adminNav } from './nav';
import { AcceptInvitationPage } from './pages/accept-invitation.page';
import { AdminIndexPage } from './pages/admin/admin-index.page';
import { ApiTokensPage } from './pages/admin/api-tokens.page';
import { AuditLogPage } from './pages/admin/audit-log.page';
import { InvitationsPage } from './pages/admin/invitations.page';
import { OutboxPage } from './pages/admin/outbox.page';
import { TierPolicyPage } from './pages/admin/tier-policy.page';
import { UnitsPage } from './pages/admin/units.page';
import { UsersPage } from './pages/admin/users.page';
import { ToolCataloguePage } from './pages/catalogue/tool-catalogue.page';
import { ChangePasswordPage } from './pages/change-password.page';
import { ForgotPasswordPage } from './pages/forgot-password.page';
import { HomePage } from './pages/home.page';
import { EditSystemPage } from './pages/inventory/edit-system.page';
import { SYSTEM_WRITER_ROLES } from './pages/inventory/inventory-rules';
import { NewSystemPage } from './pages/inventory/new-system.page';
import { SystemDetailPage } from './pages/inventory/system-detail.page';
import { SystemHistoryPage } from './pages/inventory/system-history.page';
import { SystemsListPage } from './pages/inventory/systems-list.page';
import { NotFoundPage } from './pages/not-found.page';
import { ObligationsPage } from './pages/obligations/obligations.page';
import { ResetPasswordPage } from './pages/reset-password.page';
import { QuickScreenPage } from './pages/screening/quick-screen.page';
import { ScreeningResultPage } from './pages/screening/screening-result.page';
import { ScreeningPage } from './pages/screening/screening.page';
import { SignInPage } from './pages/sign-in.page';
import { SessionProvider } from './session';

const adminPages: Record<string, ReactNode> = {
  '/admin/users': <UsersPage />,
  '/admin/units': <UnitsPage />,
  '/admin/invitations': <InvitationsPage />,
  '/admin/api-tokens': <ApiTokensPage />,
  '/admin/audit-log': <AuditLogPage />,
  '/admin/outbox': <OutboxPage />,
  '/admin/tier-policy': <TierPolicyPage />,
};

function guarded(path: string): ReactNode {
  const item = adminNav.find((i) => i.path === path);
  const page = adminPages[path];
  if (!item || item.roles === 'any') return page;
  return <RequireRoles roles={item.roles}>{page}</RequireRoles>;
}

/** Inventory pages are for every member; someone in no organisation yet gets an explanation instead. */
const withOrganisation = (page: ReactNode): ReactNode => <RequireOrganisation>{page}</RequireOrganisation>;

export function App() {
  return (
    <BrowserRouter basename="/app">
      <SessionProvider>
        <Routes>
          <Route element={<RootLayout />}>
            <Route element={<PublicLayout />}>
              <Route path="sign-in" element={<SignInPage />} />
              <Route path="forgot-password" element={<ForgotPasswordPage />} />
              <Route path="reset-password" element={<ResetPasswordPage />} />
              <Route path="accept-invitation" element={<AcceptInvitationPage />} />
            </Route>
            <Route element={<SignedInLayout />}>
              <Route index element={<HomePage />} />
              <Route path="change-password" element={<ChangePasswordPage />} />
              <Route path="systems">
                <Route index element={withOrganisation(<SystemsListPage />)} />
                <Route path="new" element={<RequireRoles roles={SYSTEM_WRITER_ROLES}><NewSystemPage /></RequireRoles>} />
                <Route path=":systemId" element={withOrganisation(<SystemDetailPage />)} />
                <Route path=":systemId/edit" element={withOrganisation(<EditSystemPage />)} />
                <Route path=":systemId/history" element={withOrganisation(<SystemHistoryPage />)} />
                <Route path=":systemId/obligations" element={withOrganisation(<ObligationsPage />)} />
                <Route path=":systemId/screening" element={withOrganisation(<ScreeningPage />)} />
                <Route path=":systemId/screening/result" element={withOrganisation(<ScreeningResultPage />)} />
              </Route>
              <Route path="tool-catalogue" element={withOrganisation(<ToolCataloguePage />)} />
              <Route path="screening/quick" element={<RequireRoles roles={SYSTEM_WRITER_ROLES}><QuickScreenPage /></RequireRoles>} />
              <Route path="admin" element={<AdminLayout />}>
                <Route index element={<AdminIndexPage />} />
                {Object.keys(adminPages).map((path) => (
                  <Route key={path} path={path.replace('/admin/', '')} element={guarded(path)} />
                ))}
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
