import { useState } from 'react';
import { useOutletContext } from 'react-router';
import { api, serviceUrl } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useApi } from '../components/useApi';
import type { ProjectContext } from './ProjectNav';

interface ReportSummary {
  id: string;
  kind: string;
  title: string;
  trigger: string;
  createdBy?: string;
  createdAt: string;
}

interface HealthReport {
  reportId?: string;
  id?: string;
  status?: string;
  summary?: string;
  checkedAt?: string;
  [member: string]: unknown;
}

const FORMATS = ['html', 'pdf', 'csv', 'json', 'md'];

/** Run a health check now, generate reports, download and share them. */
export function ReportsPage() {
  const { project, teamId, canEdit } = useOutletContext<ProjectContext>();
  const reporter = (path: string, query?: Record<string, string>) => serviceUrl(teamId, 'reporter', `projects/${project.id}/${path}`, query);
  const reports = useApi(`${project.id}/reports`, (signal) => api.get<ReportSummary[]>(reporter('reports', { limit: '100' }), { signal }));
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<HealthReport>();
  const [share, setShare] = useState<string>();

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try { await action(); } catch (cause) { setError(cause); } finally { setBusy(false); }
  }

  const healthCheck = () => run(async () => {
    const report = await api.post<HealthReport>(serviceUrl(teamId, 'health', `projects/${project.id}/health-checks`));
    setCheck(report);
    setMessage('Health check done.');
  });

  const generate = (kind: 'project_summary' | 'health') => run(async () => {
    await api.post(reporter('reports'), { kind });
    setMessage(kind === 'health' ? 'Health report generated.' : 'Summary of the last 24 hours generated.');
    reports.reload();
  });

  const shareLink = (report: ReportSummary) => run(async () => {
    const answer = await api.post<{ url: string; expiresAt: string }>(reporter(`reports/${report.id}/share`), { expiresIn: 'P7D' });
    // The share path belongs to the reporter itself (no sign-in); shown as the reporter answers it.
    setShare(`${answer.url} (valid until ${new Date(answer.expiresAt).toLocaleString()}; shown only once)`);
  });

  return (
    <div className="stack">
      <section className="card" aria-labelledby="check-title">
        <h2 id="check-title">Health check</h2>
        {canEdit ? (
          <div className="buttons">
            <button type="button" disabled={busy} onClick={() => void healthCheck()} data-testid="run-health-check">Run health check now</button>
            <button type="button" disabled={busy} onClick={() => void generate('health')}>Generate health report</button>
            <button type="button" disabled={busy} onClick={() => void generate('project_summary')} data-testid="generate-summary">Generate 24 h summary</button>
          </div>
        ) : null}
        {message ? <p role="status" className="ok">{message}</p> : null}
        <ErrorMessage error={error} />
        {check ? (
          <div data-testid="health-check-result">
            <p>Status: <strong>{String(check.status ?? check.overall ?? 'see details')}</strong></p>
            <details><summary>Details</summary><pre>{JSON.stringify(check, null, 2)}</pre></details>
          </div>
        ) : null}
        {share ? <p role="status">Share link: <code>{share}</code></p> : null}
      </section>

      <section className="card" aria-labelledby="reports-title">
        <h2 id="reports-title">Reports</h2>
        <ErrorMessage error={reports.error} onRetry={reports.reload} />
        {reports.data && reports.data.length === 0 ? <p>No reports yet.</p> : null}
        {reports.data?.length ? (
          <table data-testid="reports-table">
            <thead><tr><th scope="col">Title</th><th scope="col">Kind</th><th scope="col">Created</th><th scope="col">Download</th><th scope="col">Share</th></tr></thead>
            <tbody>
              {reports.data.map((report) => (
                <tr key={report.id}>
                  <th scope="row">{report.title}</th>
                  <td>{report.kind} ({report.trigger})</td>
                  <td>{new Date(report.createdAt).toLocaleString()}</td>
                  <td className="links">
                    {FORMATS.map((format) => (
                      <a key={format} href={reporter(`reports/${report.id}`, { format })} download={format !== 'html' ? '' : undefined}
                        target={format === 'html' ? '_blank' : undefined} rel="noreferrer" data-testid={`download-${format}`}
                        aria-label={`${report.title} as ${format.toUpperCase()}`}>{format.toUpperCase()}</a>
                    ))}
                  </td>
                  <td>{canEdit ? <button type="button" className="small" disabled={busy} onClick={() => void shareLink(report)}>Share link</button> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}
