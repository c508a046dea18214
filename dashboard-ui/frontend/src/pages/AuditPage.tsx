import { useState } from 'react';
import { api, serviceUrl } from '../api/client';
import { useTeam } from '../auth/session';
import { ErrorMessage } from '../components/ErrorMessage';
import { useApi } from '../components/useApi';

interface AuditItem {
  id: string;
  projectId: string;
  at: string;
  status: string;
  rule?: string;
  title?: string;
  summary?: string;
  event?: { data?: { actor?: string; action?: string } } & Record<string, unknown>;
}

/** Every change and action of the team's projects, newest first (the reporter's audit listing). */
export function AuditPage() {
  const team = useTeam()!;
  const [cursor, setCursor] = useState<string>();
  const [filter, setFilter] = useState('');
  const audit = useApi(`${team.teamId}/audit/${cursor ?? ''}/${filter}`,
    (signal) => api.get<{ items: AuditItem[]; nextCursor?: string }>(serviceUrl(team.teamId, 'reporter', 'audit', { limit: 100, cursor, q: filter || undefined }), { signal }));
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <form className="inline-form" onSubmit={(event) => { event.preventDefault(); setCursor(undefined); setFilter(String(new FormData(event.currentTarget).get('q') ?? '')); }}>
        <div><label htmlFor="audit-q">Search</label><input id="audit-q" name="q" defaultValue={filter} /></div>
        <button type="submit">Search</button>
      </form>
      <ErrorMessage error={audit.error} onRetry={audit.reload} />
      {audit.data && audit.data.items.length === 0 ? <p>No audit entries.</p> : null}
      {audit.data?.items.length ? (
        <table data-testid="audit-table">
          <thead><tr><th scope="col">When</th><th scope="col">Action</th><th scope="col">Who</th><th scope="col">Outcome</th><th scope="col">What</th></tr></thead>
          <tbody>
            {audit.data.items.map((item) => (
              <tr key={item.id}>
                <td>{new Date(item.at).toLocaleString()}</td><td>{item.rule ?? item.event?.data?.action}</td><td>{item.event?.data?.actor ?? '—'}</td>
                <td>{item.status}</td><td>{item.summary ?? item.title}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {audit.data?.nextCursor ? <button type="button" onClick={() => setCursor(audit.data!.nextCursor)}>Older entries</button> : null}
    </section>
  );
}
