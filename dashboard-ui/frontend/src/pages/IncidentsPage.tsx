import { useState } from 'react';
import { useOutletContext } from 'react-router';
import { api, serviceUrl } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { bySeverity, SeverityBadge } from '../components/Severity';
import { useApi } from '../components/useApi';
import type { ProjectContext } from './ProjectNav';

interface Incident {
  id: string;
  status: string;
  severity: string;
  what: string;
  summary?: string;
  where?: { replicaId?: string; height?: number; blockHash?: string };
  since: string;
  until?: string;
  rule?: string;
  attack?: string;
  fingerprint?: string;
  recommendedActions?: string[];
  done?: { notifications: { at: string; channel: string; recipient: string; outcome: string }[]; actions: { at: string; actionType: string; status: string; mode: string }[] };
}

interface FiringAlert {
  fingerprint: string;
  severity: string;
  title: string;
  acknowledged: boolean;
}

interface WireIncident {
  id: string;
  severity: string;
  at: string;
  replicaId?: string;
  status?: string;
  rule?: string;
  title?: string;
  summary?: string;
}

/** The project's incidents, most severe first, with acknowledge and silence from the alerts service. */
export function IncidentsPage() {
  const { project, teamId, canEdit } = useOutletContext<ProjectContext>();
  const incidents = useApi(`${project.id}/incidents`,
    (signal) => api.get<{ items: Incident[] }>(serviceUrl(teamId, 'reporter', 'incidents', { project: project.id, limit: 200 }), { signal }), { pollMs: 15000 });
  const alerts = useApi(`${project.id}/alerts`,
    (signal) => api.get<FiringAlert[]>(serviceUrl(teamId, 'alerts', `projects/${project.id}/alerts`), { signal }), { pollMs: 15000 });
  const wire = useApi(`${project.id}/wire`,
    (signal) => api.get<{ items: WireIncident[] }>(serviceUrl(teamId, 'reporter', 'wire-incidents', { project: project.id, limit: 50 }), { signal }));
  const [open, setOpen] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const alertsUrl = (path: string) => serviceUrl(teamId, 'alerts', `projects/${project.id}/alerts/${path}`);
  const alertOf = (incident: Incident) => alerts.data?.find((alert) => alert.fingerprint === incident.fingerprint);

  async function act(action: () => Promise<unknown>, done: string) {
    setError(undefined);
    setMessage(undefined);
    try { await action(); setMessage(done); alerts.reload(); } catch (cause) { setError(cause); }
  }

  const rows = [...(incidents.data?.items ?? [])].sort(bySeverity((incident) => incident.severity?.toLowerCase()));
  return (
    <div className="stack">
      <section className="card" aria-labelledby="incidents-title">
        <h2 id="incidents-title">Incidents</h2>
        <ErrorMessage error={incidents.error ?? error} onRetry={incidents.reload} />
        {message ? <p role="status" className="ok">{message}</p> : null}
        {incidents.data && rows.length === 0 ? <p>No incidents.</p> : null}
        {rows.length ? (
          <table data-testid="incidents-table">
            <thead><tr><th scope="col">Severity</th><th scope="col">What</th><th scope="col">Status</th><th scope="col">Where</th><th scope="col">Since</th><th scope="col">Do</th></tr></thead>
            <tbody>
              {rows.map((incident) => {
                const alert = alertOf(incident);
                return (
                  <tr key={incident.id} data-testid={`incident-${incident.id}`}>
                    <td><SeverityBadge severity={incident.severity?.toLowerCase()} /></td>
                    <td>
                      <button type="button" className="link" aria-expanded={open === incident.id} onClick={() => setOpen(open === incident.id ? undefined : incident.id)}>{incident.what}</button>
                      {open === incident.id ? <IncidentDetail incident={incident} /> : null}
                    </td>
                    <td>{incident.status}{alert?.acknowledged ? ' (acknowledged)' : ''}</td>
                    <td>{incident.where?.replicaId ?? 'project'}{incident.where?.height ? ` at ${incident.where.height}` : ''}</td>
                    <td>{new Date(incident.since).toLocaleString()}</td>
                    <td className="buttons">
                      {canEdit && alert && !alert.acknowledged ? (
                        <button type="button" onClick={() => void act(() => api.post(alertsUrl(`${alert.fingerprint}/ack`)), `Acknowledged: ${incident.what}`)}>Acknowledge</button>
                      ) : null}
                      {canEdit && incident.fingerprint ? (
                        <button type="button" className="secondary" onClick={() => void act(() => api.post(alertsUrl('silences'), {
                          matchers: [{ field: 'fingerprint', op: '=', value: incident.fingerprint }], duration: '2h', comment: `silenced from the dashboard: ${incident.what}`,
                        }), `Silenced for 2 hours: ${incident.what}`)}>Silence 2 h</button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </section>

      <section className="card" aria-labelledby="wire-title">
        <h2 id="wire-title">Wire-listener incidents</h2>
        <ErrorMessage error={wire.error} />
        {wire.data && wire.data.items.length === 0 ? <p>No unrecognized or refused requests.</p> : null}
        {wire.data?.items.length ? (
          <table>
            <thead><tr><th scope="col">Severity</th><th scope="col">Category</th><th scope="col">Replica</th><th scope="col">At</th><th scope="col">Summary</th></tr></thead>
            <tbody>
              {wire.data.items.map((item) => (
                <tr key={item.id}><td><SeverityBadge severity={item.severity} /></td><td>{item.rule ?? item.status}</td><td>{item.replicaId}</td>
                  <td>{new Date(item.at).toLocaleString()}</td><td>{item.summary ?? item.title}</td></tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}

function IncidentDetail({ incident }: { incident: Incident }) {
  return (
    <div className="detail">
      {incident.summary ? <p>{incident.summary}</p> : null}
      <p className="hint">Rule {incident.rule}{incident.attack ? `, attack ${incident.attack}` : ''}{incident.where?.blockHash ? `, block ${incident.where.blockHash.slice(0, 16)}…` : ''}</p>
      {incident.recommendedActions?.length ? <p>Recommended: {incident.recommendedActions.join(', ')}</p> : null}
      {incident.done?.notifications.length ? <p>Told: {incident.done.notifications.map((n) => `${n.recipient} by ${n.channel} (${n.outcome})`).join('; ')}</p> : null}
      {incident.done?.actions.length ? <p>Done: {incident.done.actions.map((a) => `${a.actionType} ${a.status}`).join('; ')}</p> : null}
    </div>
  );
}
