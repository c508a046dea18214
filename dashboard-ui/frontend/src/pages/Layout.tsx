import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useSession, useTeam } from '../auth/session';
import { ErrorMessage } from '../components/ErrorMessage';

/** The auth guard: a signed-out user goes to the login page and comes back here after it. */
export function RequireAuth() {
  const { status, error, reload } = useSession();
  const location = useLocation();
  if (status === 'loading') return <p className="loading" role="status">Loading…</p>;
  if (status === 'error') return <main id="main"><ErrorMessage error={error} onRetry={reload} /></main>;
  if (status === 'signed-out') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Layout />;
}

function Layout() {
  const { me, teamId, setTeamId, signOut } = useSession();
  const team = useTeam();
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <NavLink to="/" className="brand">Chain Monitor</NavLink>
        <nav aria-label="Main">
          <NavLink to="/" end>Projects</NavLink>
          <NavLink to="/audit">Audit log</NavLink>
        </nav>
        <div className="who">
          {me && me.teams.length > 0 ? (
            <label>
              <span>Team</span>
              <select data-testid="team-picker" value={teamId} onChange={(event) => setTeamId(event.target.value)}>
                {me.teams.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>{candidate.name} ({candidate.role})</option>
                ))}
              </select>
            </label>
          ) : null}
          <span className="user" data-testid="signed-in-user">{me?.user.username}</span>
          <button type="button" onClick={() => void signOut()} data-testid="sign-out">Sign out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {team ? <Outlet /> : (
          <p role="status" data-testid="no-team">
            You are not a member of any team yet. An administrator adds you to a team; then its projects appear here.
          </p>
        )}
      </main>
    </>
  );
}
