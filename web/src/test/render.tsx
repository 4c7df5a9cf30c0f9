import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { I18nProvider, type Locale } from '../lib/i18n';

/** Renders with the app's providers; a fresh query cache per test; Russian unless told. */
export function renderWithProviders(ui: ReactElement, { locale = 'ru', route = '/' }: { locale?: Locale; route?: string } = {}): RenderResult {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <I18nProvider locale={locale}>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, ...headers } });
}

export function problem(status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return json(status, { type: 'about:blank', title: code, status, code, ...extra }, headers);
}

type Handler = (request: Request) => Response | Promise<Response>;

/** Replaces global fetch with a router of `METHOD /path` → handler, and records every request. */
export function mockApi(routes: Record<string, Handler>) {
  const calls: { method: string; path: string; body: unknown; auth: string | null }[] = [];
  const fetchMock = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url);
    const text = await request.clone().text();
    calls.push({
      method: request.method,
      path: url.pathname,
      body: text ? JSON.parse(text) : undefined,
      auth: request.headers.get('Authorization'),
    });
    const handler = routes[`${request.method} ${url.pathname}`];
    if (!handler) return problem(404, 'not_found');
    return handler(request);
  };
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}
