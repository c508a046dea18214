import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/problem';
import { SESSION_URL, onUnauthorized, request } from '../api/client';
import type { Me } from '../api/types';

type Status = 'loading' | 'signed-in' | 'signed-out' | 'error';

interface SessionValue {
  status: Status;
  me?: Me;
  error?: ApiError;
  teamId?: string;
  setTeamId: (teamId: string) => void;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  reload: () => void;
}

const SessionContext = createContext<SessionValue | undefined>(undefined);
const TEAM_KEY = 'chain-monitor.team';

/** Holds who is signed in and which team they work in; any 401 of the API signs the user out here. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [me, setMe] = useState<Me>();
  const [error, setError] = useState<ApiError>();
  const [chosenTeam, setChosenTeam] = useState<string | undefined>(() => localStorage.getItem(TEAM_KEY) ?? undefined);

  const load = useCallback(() => {
    setStatus('loading');
    request<Me>('GET', SESSION_URL)
      .then(({ data }) => { setMe(data); setStatus('signed-in'); })
      .catch((cause: unknown) => {
        if (cause instanceof ApiError && cause.status === 401) { setMe(undefined); setStatus('signed-out'); }
        else { setError(cause instanceof ApiError ? cause : new ApiError(0, {})); setStatus('error'); }
      });
  }, []);

  useEffect(load, [load]);
  useEffect(() => onUnauthorized(() => { setMe(undefined); setStatus('signed-out'); }), []);

  const signIn = useCallback(async (username: string, password: string) => {
    const { data } = await request<Me>('POST', SESSION_URL, { body: { username, password } });
    setMe(data);
    setStatus('signed-in');
  }, []);

  const signOut = useCallback(async () => {
    try {
      await request<void>('DELETE', SESSION_URL);
    } finally {
      setMe(undefined);
      setStatus('signed-out');
    }
  }, []);

  const setTeamId = useCallback((teamId: string) => {
    localStorage.setItem(TEAM_KEY, teamId);
    setChosenTeam(teamId);
  }, []);

  // The chosen team only counts while the user is still a member of it; otherwise the first team.
  const teamId = me?.teams.some((team) => team.id === chosenTeam) ? chosenTeam : me?.teams[0]?.id;

  const value = useMemo<SessionValue>(() => ({ status, me, error, teamId, setTeamId, signIn, signOut, reload: load }),
    [status, me, error, teamId, setTeamId, signIn, signOut, load]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The team the user works in now; only used below the auth guard, where one exists or the page says so. */
export function useTeam(): { teamId: string; role: Me['teams'][number]['role'] } | undefined {
  const { me, teamId } = useSession();
  const team = me?.teams.find((candidate) => candidate.id === teamId);
  return team ? { teamId: team.id, role: team.role } : undefined;
}
