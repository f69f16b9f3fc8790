/** The routes. Admin sections take their access rule from nav.ts, so the menu and the guard agree. */
import type { ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { RequireOrganisation } from './components/require-organisation';
import { RequireRoles } from './components/require-roles';
import { AdminLayout } from './layout/admin.layout';
import { PublicLayout } from './layout/public.layout';
import { RootLayout } from './layout/root.layout';
import { SignedInLayout } from './layout/signed-in.layout';
import { adminNav, TEMPLATE_MANAGER_ROLES } from './nav';
import { AcceptInvitationPage } from './pages/accept-invitation.page';
import { AdminIndexPage } from './pages/admin/admin-index.page';
import { ApiTokensPage } from './pages/admin/api-tokens.page';
import { AuditLogPage } from './pages/admin/audit-log.page';
import { InvitationsPage } from './pages/admin/invitations.page';
import { OutboxPage } from './pages/admin/outbox.page';
import { TierPolicyPage } from './pages/admin/tier-policy.page';
import { AssessmentRulesPage } from './pages/admin/assessment-rules.page';
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
import { AssessmentResultPage } from './pages/assessments/assessment-result.page';
import { AssessmentPage } from './pages/assessments/assessment.page';
import { AssessmentsListPage } from './pages/assessments/assessments-list.page';
import { SystemAssessmentsPage } from './pages/assessments/system-assessments.page';
import { ReadinessPage } from './pages/readiness/readiness.page';
import { TasksPage } from './pages/tasks/tasks.page';
import { TemplateDetailPage } from './pages/templates/template-detail.page';
import { TemplatePreviewPage } from './pages/templates/template-preview.page';
import { TemplateVersionPage } from './pages/templates/template-version.page';
import { TemplatesPage } from './pages/templates/templates.page';
import { ConcernsPage } from './pages/citizen/concerns.page';
import { ConcernPage } from './pages/citizen/concern.page';
import { RedressRequestsPage } from './pages/citizen/redress-requests.page';
import { RedressRequestPage } from './pages/citizen/redress-request.page';
import { CitizenSettingsPage } from './pages/citizen/citizen-settings.page';
import { CASE_READER_ROLES } from './pages/citizen/citizen-labels';
import { RegisterEntryPage } from './pages/register/register-entry.page';
import { RegisterSettingsPage } from './pages/register/register-settings.page';
import { SystemNoticesPage } from './pages/notices/system-notices.page';
import { NOTICE_MAKER_ROLES } from './pages/notices/notice-labels';
import { ConsultationsPage } from './pages/consultations/consultations.page';
import { NewConsultationPage } from './pages/consultations/new-consultation.page';
import { ConsultationPage } from './pages/consultations/consultation.page';
import { CONSULTATION_MANAGER_ROLES } from './pages/consultations/consultation-labels';

const adminPages: Record<string, ReactNode> = {
  '/admin/users': <UsersPage />,
  '/admin/units': <UnitsPage />,
  '/admin/invitations': <InvitationsPage />,
  '/admin/api-tokens': <ApiTokensPage />,
  '/admin/audit-log': <AuditLogPage />,
  '/admin/outbox': <OutboxPage />,
  '/admin/tier-policy': <TierPolicyPage />,
  '/admin/assessment-templates': <TemplatesPage />,
  '/admin/assessment-rules': <AssessmentRulesPage />,
  '/admin/citizen-settings': <CitizenSettingsPage />,
  '/admin/register-settings': <RegisterSettingsPage />,
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
                <Route path=":systemId/assessments" element={withOrganisation(<SystemAssessmentsPage />)} />
                <Route path=":systemId/register" element={withOrganisation(<RegisterEntryPage />)} />
                <Route path=":systemId/notices" element={<RequireRoles roles={NOTICE_MAKER_ROLES}><SystemNoticesPage /></RequireRoles>} />
              </Route>
              <Route path="tool-catalogue" element={withOrganisation(<ToolCataloguePage />)} />
              <Route path="assessments" element={withOrganisation(<AssessmentsListPage />)} />
              <Route path="assessments/:assessmentId" element={withOrganisation(<AssessmentPage />)} />
              <Route path="assessments/:assessmentId/result" element={withOrganisation(<AssessmentResultPage />)} />
              <Route path="readiness" element={withOrganisation(<ReadinessPage />)} />
              <Route path="tasks" element={withOrganisation(<TasksPage />)} />
              <Route path="concerns" element={<RequireRoles roles={CASE_READER_ROLES}><ConcernsPage /></RequireRoles>} />
              <Route path="concerns/:concernId" element={<RequireRoles roles={CASE_READER_ROLES}><ConcernPage /></RequireRoles>} />
              <Route path="redress" element={<RequireRoles roles={CASE_READER_ROLES}><RedressRequestsPage /></RequireRoles>} />
              <Route path="redress/:requestId" element={<RequireRoles roles={CASE_READER_ROLES}><RedressRequestPage /></RequireRoles>} />
              <Route path="consultations" element={withOrganisation(<ConsultationsPage />)} />
              <Route path="consultations/new" element={<RequireRoles roles={CONSULTATION_MANAGER_ROLES}><NewConsultationPage /></RequireRoles>} />
              <Route path="consultations/:consultationId" element={withOrganisation(<ConsultationPage />)} />
              <Route path="screening/quick" element={<RequireRoles roles={SYSTEM_WRITER_ROLES}><QuickScreenPage /></RequireRoles>} />
              <Route path="admin" element={<AdminLayout />}>
                <Route index element={<AdminIndexPage />} />
                {Object.keys(adminPages).map((path) => (
                  <Route key={path} path={path.replace('/admin/', '')} element={guarded(path)} />
                ))}
                <Route path="assessment-templates/:templateId" element={<RequireRoles roles={TEMPLATE_MANAGER_ROLES}><TemplateDetailPage /></RequireRoles>} />
                <Route path="assessment-template-versions/:versionId" element={<RequireRoles roles={TEMPLATE_MANAGER_ROLES}><TemplateVersionPage /></RequireRoles>} />
                <Route path="assessment-template-versions/:versionId/preview" element={<RequireRoles roles={TEMPLATE_MANAGER_ROLES}><TemplatePreviewPage /></RequireRoles>} />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
