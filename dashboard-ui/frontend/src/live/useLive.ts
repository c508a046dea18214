import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { LiveStore, liveUrl, type LiveState } from './liveStore';

/** The live state of a project for as long as the component shows it. */
export function useLive(teamId: string, projectId: string): LiveState {
  const store = useMemo(() => new LiveStore(liveUrl(teamId, projectId)), [teamId, projectId]);
  useEffect(() => {
    store.connect();
    return () => store.close();
  }, [store]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
