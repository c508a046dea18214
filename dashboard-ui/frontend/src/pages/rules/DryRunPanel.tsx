import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SeverityBadge } from '../../components/Severity';

interface DryRunResult {
  version: number | null;
  events: number;
  firing: number;
  resolved: number;
  truncated: boolean;
  stillFiring: unknown[];
  findings: { at: string; ruleId: string; status: string; severity: string; replicaId?: string; height?: number; summary?: string; title?: string }[];
}

/** Replays the stored history through the current rules and shows what would have fired; nothing is sent. */
export function DryRunPanel({ url }: { url: string }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [result, setResult] = useState<DryRunResult>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function run(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const query = new URLSearchParams();
      if (from) query.set('from', from);
      if (to) query.set('to', to);
      setResult(await api.post<DryRunResult>(query.size ? `${url}?${query}` : url));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="dry-run-title">
      <h2 id="dry-run-title">Dry run against past data</h2>
      <form onSubmit={run} className="inline-form">
        <div>
          <label htmlFor="dry-from">From (RFC 3339 time or block height; empty: all stored history)</label>
          <input id="dry-from" value={from} onChange={(event) => setFrom(event.target.value)} placeholder="2026-11-22T00:00:00Z" />
        </div>
        <div>
          <label htmlFor="dry-to">To</label>
          <input id="dry-to" value={to} onChange={(event) => setTo(event.target.value)} />
        </div>
        <button type="submit" disabled={busy} data-testid="dry-run">{busy ? 'Running…' : 'Dry run'}</button>
      </form>
      <ErrorMessage error={error} />
      {result ? (
        <div data-testid="dry-run-result">
          <p role="status">{result.events} stored events replayed: {result.firing} would have fired, {result.resolved} resolved
            {result.stillFiring.length ? `, ${result.stillFiring.length} still firing at the end` : ''}{result.truncated ? ' (list truncated)' : ''}.</p>
          {result.findings.length ? (
            <table>
              <thead><tr><th scope="col">At</th><th scope="col">Rule</th><th scope="col">Status</th><th scope="col">Severity</th><th scope="col">Summary</th></tr></thead>
              <tbody>
                {result.findings.map((finding, index) => (
                  <tr key={index}>
                    <td>{new Date(finding.at).toLocaleString()}</td><td>{finding.ruleId}</td><td>{finding.status}</td>
                    <td><SeverityBadge severity={finding.severity} /></td><td>{finding.summary ?? finding.title}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
