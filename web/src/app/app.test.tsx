import { screen } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { authSession } from '../lib/auth-session';
import { json, mockApi, problem, renderWithProviders } from '../test/render';
import { ProfileRoute } from './routes/profile-route';
import { safeNext } from './routes/sign-in-route';

function Where() {
  const location = useLocation();
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>;
}

function renderProfile() {
  return renderWithProviders(
    <Routes>
      <Route path="/profile" element={<ProfileRoute />} />
      <Route path="/" element={<Where />} />
    </Routes>,
    { route: '/profile' },
  );
}

afterEach(() => authSession.end());

describe('session routing', () => {
  it('sends a visitor without a session to sign-in, remembering the page', async () => {
    const calls = mockApi({});
    renderProfile();
    expect(await screen.findByTestId('where')).toHaveTextContent('/?next=%2Fprofile');
    expect(calls).toHaveLength(0);
  });

  it('restores a session from the refresh cookie after a reload', async () => {
    localStorage.setItem('referrals.session', 'user');
    const token = `h.${btoa(JSON.stringify({ role: 'user' }))}.s`;
    mockApi({
      'POST /api/auth/refresh': () => json(200, { accessToken: token }),
      'GET /api/me': () => json(200, { id: 'u', phone: '+79991234567', inviteCode: 'AB3X9K', invitedBy: null, referralsCount: 0, createdAt: '2026-12-01T00:00:00Z' }),
      'GET /api/me/referrals': () => json(200, { items: [], nextCursor: null, total: 0 }),
    });
    renderProfile();
    expect(await screen.findByTestId('my-invite-code')).toHaveTextContent('AB3X9K');
    expect(await screen.findByText(/Пока никто не активировал ваш код/)).toBeInTheDocument();
  });

  it('says the session expired when the refresh cookie is no longer accepted', async () => {
    localStorage.setItem('referrals.session', 'user');
    mockApi({ 'POST /api/auth/refresh': () => problem(401, 'refresh_invalid') });
    renderProfile();
    expect(await screen.findByTestId('where')).toHaveTextContent('/?next=%2Fprofile&expired=1');
  });

  it('follows only same-site paths after sign-in', () => {
    expect(safeNext('/admin?tab=users')).toBe('/admin?tab=users');
    expect(safeNext('//evil.example')).toBe('/profile');
    expect(safeNext('https://evil.example')).toBe('/profile');
    expect(safeNext(null)).toBe('/profile');
  });
});
