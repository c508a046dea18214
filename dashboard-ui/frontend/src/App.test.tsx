import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from './App';
import { SessionProvider } from './auth/session';
import { fakeApi, json, ME } from './test/fakeApi';

function renderAt(path: string) {
  return render(
    <SessionProvider>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </SessionProvider>,
  );
}

const PROJECTS = [{ id: 'p1', name: 'ltc-regtest', chainType: 'litecoin-regtest', replicas: { total: 2, locations: [{ name: 'local', count: 2 }] }, binarySha256: null, revision: 1, createdAt: '', updatedAt: '' }];

describe('the dashboard', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends a signed-out user to the login page, shows a refused sign-in in words, and lands on the page asked for', async () => {
    let signedIn = false;
    document.cookie = 'XSRF-TOKEN=tok';
    const { calls } = fakeApi({
      'GET /api/session': () => (signedIn ? json(200, ME) : json(401, { type: 'urn:chain-monitor:problem:not-signed-in', title: 'Not signed in', status: 401 })),
      'POST /api/session': (init) => {
        const body = JSON.parse(String(init.body));
        if (body.password !== 'right') return json(401, { type: 'urn:chain-monitor:problem:bad-credentials', title: 'Bad credentials', status: 401, detail: 'Unknown user or wrong password.' });
        signedIn = true;
        return json(200, ME);
      },
      'GET /api/t/t1/spawner/projects': () => json(200, PROJECTS),
    });
    renderAt('/');
    const username = await screen.findByLabelText('Username');
    await userEvent.type(username, 'alice');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Bad credentials: Unknown user or wrong password.');
    expect(screen.getByLabelText('Password')).toHaveValue('');

    await userEvent.type(screen.getByLabelText('Password'), 'right');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const table = await screen.findByTestId('projects-table');
    expect(within(table).getByRole('link', { name: 'ltc-regtest' })).toHaveAttribute('href', '/projects/p1/overview');
    expect(screen.getByTestId('signed-in-user')).toHaveTextContent('alice');
    expect(calls.find((call) => call.key === 'POST /api/session')?.init.headers['X-XSRF-TOKEN']).toBe('tok');
  });

  it('switches team with the team picker and reads that team\'s projects; a viewer gets no create button', async () => {
    fakeApi({
      'GET /api/session': () => json(200, ME),
      'GET /api/t/t1/spawner/projects': () => json(200, PROJECTS),
      'GET /api/t/t2/spawner/projects': () => json(200, []),
    });
    renderAt('/');
    await screen.findByTestId('projects-table');
    expect(screen.getByTestId('new-project')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByTestId('team-picker'), 't2');
    expect(await screen.findByText(/No projects yet/)).toBeInTheDocument();
    expect(screen.queryByTestId('new-project')).toBeNull();
    expect(localStorage.getItem('chain-monitor.team')).toBe('t2');
  });

  it('goes back to the login page when a call answers 401 because the session expired', async () => {
    fakeApi({
      'GET /api/session': () => json(200, ME),
      'GET /api/t/t1/spawner/projects': () => json(401, { title: 'Not signed in', status: 401 }),
    });
    renderAt('/');
    expect(await screen.findByLabelText('Username')).toBeInTheDocument();
    expect(screen.queryByTestId('projects-table')).toBeNull();
  });

  it('shows a service error in words instead of an empty page', async () => {
    fakeApi({
      'GET /api/session': () => json(200, ME),
      'GET /api/t/t1/spawner/projects': () => json(503, { title: 'Service unavailable', status: 503, detail: 'spawner did not answer within 10 s' }),
    });
    renderAt('/');
    expect(await screen.findByRole('alert')).toHaveTextContent('Service unavailable: spawner did not answer within 10 s');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('signs out and shows the login page', async () => {
    const { calls } = fakeApi({
      'GET /api/session': () => json(200, ME),
      'GET /api/t/t1/spawner/projects': () => json(200, PROJECTS),
      'DELETE /api/session': () => new Response(null, { status: 204 }),
    });
    renderAt('/');
    await screen.findByTestId('projects-table');
    await userEvent.click(screen.getByTestId('sign-out'));
    expect(await screen.findByLabelText('Username')).toBeInTheDocument();
    expect(calls.some((call) => call.key === 'DELETE /api/session')).toBe(true);
  });
});
