import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { mockApi, renderWithProviders } from '../test/render';
import { Layout } from './layout';

function Pages() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/" element={<Link to="/next">go</Link>} />
        <Route path="/next" element={<p>next page</p>} />
      </Route>
    </Routes>
  );
}

describe('Layout', () => {
  it('moves focus to the main content after a navigation', async () => {
    const user = userEvent.setup();
    mockApi({});
    renderWithProviders(<Pages />, { route: '/' });
    await user.click(screen.getByRole('link', { name: 'go' }));
    await screen.findByText('next page');
    expect(document.activeElement).toBe(document.getElementById('main'));
  });

  it('leaves focus on the first page alone', () => {
    mockApi({});
    renderWithProviders(<Pages />, { route: '/next' });
    expect(document.activeElement).toBe(document.body);
  });
});
