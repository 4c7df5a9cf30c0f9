import { LoadingState } from '../../components/ui/loading-state';
import { AdminPage } from '../../features/admin/components/admin-page';
import { useRestoredSession } from '../use-restored-session';

/** `/admin`, a lazily loaded chunk: the console and its chart never weigh on the sign-in page. */
export function AdminRoute() {
  const { restoring } = useRestoredSession();
  if (restoring) return <LoadingState minHeight="20rem" />;
  return <AdminPage />;
}

export default AdminRoute;
