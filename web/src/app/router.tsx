import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './layout';
import { NotFoundRoute } from './routes/not-found-route';
import { SignInRoute } from './routes/sign-in-route';

// The sign-in page ships in the entry chunk; everything behind it loads on demand.
const ProfileRoute = lazy(() => import('./routes/profile-route'));
const AdminRoute = lazy(() => import('./routes/admin-route'));

/** Declarative routes: the data-router machinery (loaders, actions) would only add weight here. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<SignInRoute />} />
        <Route path="profile" element={<ProfileRoute />} />
        <Route path="admin" element={<AdminRoute />} />
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  );
}
