import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/problem';
import { useSession } from '../auth/session';
import { ErrorMessage } from '../components/ErrorMessage';

/** Sign in with username and password; the server answers the same for an unknown user and a wrong password. */
export function LoginPage() {
  const { status, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (status === 'signed-in') return <Navigate to={from} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username, password);
      navigate(from, { replace: true });
    } catch (cause) {
      setError(cause);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  const retryAfter = error instanceof ApiError && error.status === 429 ? error.headers.get('Retry-After') : null;
  return (
    <main className="login" id="main">
      <h1>Chain Monitor</h1>
      <form onSubmit={submit} aria-labelledby="login-title" data-testid="login-form">
        <h2 id="login-title">Sign in</h2>
        <label htmlFor="username">Username</label>
        <input id="username" name="username" autoComplete="username" required autoFocus value={username}
          onChange={(event) => setUsername(event.target.value)} />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required value={password}
          onChange={(event) => setPassword(event.target.value)} />
        <ErrorMessage error={error} />
        {retryAfter ? <p className="hint">You can try again in {retryAfter} seconds.</p> : null}
        <button type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
