import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, csrfToken, onUnauthorized, request, serviceUrl } from './client';
import { ApiError } from './problem';

function answer(status: number, body?: unknown, headers: Record<string, string> = {}) {
  const text = body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(text, { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

describe('the API client', () => {
  const fetchMock = vi.fn();
  beforeEach(() => { fetchMock.mockReset(); vi.stubGlobal('fetch', fetchMock); });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the CSRF cookie back as X-XSRF-TOKEN on a changing request', async () => {
    document.cookie = 'XSRF-TOKEN=abc%2D123';
    fetchMock.mockResolvedValue(answer(201, { id: 'p1' }));
    await api.post('/api/t/t1/spawner/projects', { name: 'x' });
    const [, init] = fetchMock.mock.calls[0];
    expect(init.method).toBe('POST');
    expect(init.headers['X-XSRF-TOKEN']).toBe('abc-123');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(init.body).toBe('{"name":"x"}');
    expect(init.credentials).toBe('same-origin');
  });

  it('sends no CSRF header on a GET', async () => {
    document.cookie = 'XSRF-TOKEN=abc';
    fetchMock.mockResolvedValue(answer(200, []));
    await api.get('/api/t/t1/spawner/projects');
    expect(fetchMock.mock.calls[0][1].headers['X-XSRF-TOKEN']).toBeUndefined();
  });

  it('reads the CSRF token among other cookies', () => {
    expect(csrfToken('SESSION=1; XSRF-TOKEN=a%3Db; other=2')).toBe('a=b');
    expect(csrfToken('SESSION=1')).toBeUndefined();
  });

  it('turns a problem answer into an ApiError whose message is the title and detail', async () => {
    fetchMock.mockResolvedValue(answer(409, {
      type: 'urn:chain-monitor:problem:duplicate-project-name', title: 'Duplicate project name', status: 409,
      detail: 'A project named ltc already exists', errors: [{ field: 'name', message: 'taken' }],
    }, { 'Content-Type': 'application/problem+json' }));
    const error = await api.post('/api/t/t1/spawner/projects', {}).catch((cause: unknown) => cause);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(409);
    expect(apiError.code).toBe('duplicate-project-name');
    expect(apiError.message).toBe('Duplicate project name: A project named ltc already exists');
    expect(apiError.problem.errors).toEqual([{ field: 'name', message: 'taken' }]);
  });

  it('describes an answer that is not a problem by its status', async () => {
    fetchMock.mockResolvedValue(new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    const error = (await api.get('/api/t/t1/health/x').catch((cause: unknown) => cause)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.message).toBe('A service behind the dashboard did not answer');
  });

  it('says the dashboard could not be reached when the network fails', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = (await api.get('/api/session').catch((cause: unknown) => cause)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/could not be reached/);
  });

  it('tells the app about a 401 so it can show the login page', async () => {
    const listener = vi.fn();
    const stop = onUnauthorized(listener);
    fetchMock.mockResolvedValue(answer(401, { title: 'Not signed in', status: 401, type: 'urn:x:not-signed-in' }));
    await expect(api.get('/api/t/t1/spawner/projects')).rejects.toBeInstanceOf(ApiError);
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });

  it('does not treat a failed sign-in as an expired session', async () => {
    const listener = vi.fn();
    const stop = onUnauthorized(listener);
    fetchMock.mockResolvedValue(answer(401, { title: 'Bad credentials', status: 401 }));
    await expect(request('POST', '/api/session', { body: { username: 'a', password: 'b' } })).rejects.toThrow('Bad credentials');
    expect(listener).not.toHaveBeenCalled();
    stop();
  });

  it('passes If-Match and hands back the ETag', async () => {
    fetchMock.mockResolvedValue(answer(200, { version: 4 }, { ETag: '"4"' }));
    const { data, headers } = await request<{ version: number }>('PATCH', '/r', { body: { enabled: false }, ifMatch: '"3"', contentType: 'application/merge-patch+json' });
    const [, init] = fetchMock.mock.calls[0];
    expect(init.headers['If-Match']).toBe('"3"');
    expect(init.headers['Content-Type']).toBe('application/merge-patch+json');
    expect(data.version).toBe(4);
    expect(headers.get('ETag')).toBe('"4"');
  });

  it('answers undefined for 204 No Content', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(api.del('/x')).resolves.toBeUndefined();
  });

  it('builds the BFF path of a service with its query', () => {
    expect(serviceUrl('team 1', 'reporter', '/incidents', { project: 'p1', limit: 20, cursor: undefined }))
      .toBe('/api/t/team%201/reporter/incidents?project=p1&limit=20');
  });
});
