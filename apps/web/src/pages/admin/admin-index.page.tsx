import { Navigate } from 'react-router';
import { AccessDenied } from '../../components/require-roles';
import { ADMIN_ROLES, adminNav, visibleItems } from '../../nav';
import { useCurrentOrganisation } from '../../session';

/** /admin goes to the first section this person may use. */
export function AdminIndexPage() {
  const org = useCurrentOrganisation();
  const first = visibleItems(adminNav, org?.roles ?? [])[0];
  if (!first) return <AccessDenied roles={ADMIN_ROLES} />;
  return <Navigate to={first.path} replace />;
}
