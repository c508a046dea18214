import { vi } from 'vitest';

type Handler = (init: RequestInit & { headers: Record<string, string> }) => Response | Promise<Response>;

/** A fetch stand-in answering by "METHOD path" and recording every call, for component tests. */
export function fakeApi(routes: Record<string, Handler>) {
  const calls: { key: string; init: RequestInit & { headers: Record<string, string> } }[] = [];
  const fetchMock = vi.fn(async (url: string, init: RequestInit & { headers: Record<string, string> }) => {
    const key = `${init.method ?? 'GET'} ${url}`;
    calls.push({ key, init });
    const handler = routes[key];
    if (!handler) return json(404, { title: 'Not found', status: 404, detail: `no test route for ${key}` });
    return handler(init);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export const ME = {
  user: { id: 'u1', username: 'alice', admin: false },
  teams: [{ id: 't1', name: 'Ops', role: 'owner' }, { id: 't2', name: 'Lab', role: 'viewer' }],
};
