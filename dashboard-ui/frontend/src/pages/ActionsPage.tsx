import { useState } from 'react';
import { useOutletContext } from 'react-router';
import { api, serviceUrl } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { SeverityBadge } from '../components/Severity';
import { useApi } from '../components/useApi';
import type { ProjectContext } from './ProjectNav';

/** An execution as docs/actions.md describes it (the `ActionExecution` fields), with the names a listing may add. */
interface Approval {
  id?: string;
  executionId?: string;
  actionType?: string;
  target?: string;
  detail?: string;
  policyName?: string;
  policyId?: string;
  severity?: string;
  title?: string;
  summary?: string;
  ruleId?: string;
  steps?: { type: string }[];
  requestedAt?: string;
  expiresAt?: string;
  [member: string]: unknown;
}

interface Execution {
  id?: string;
  executionId?: string;
  policyId?: string;
  actionType?: string;
  target?: string;
  finishedAt?: string;
  policyName?: string;
  state?: string;
  status?: string;
  mode?: string;
  severity?: string;
  startedAt?: string;
  updatedAt?: string;
  detail?: string;
  [member: string]: unknown;
}

/** Pending approvals (approve/reject) and the history of action executions (action-service, docs/actions.md). */
export function ActionsPage() {
  const { project, teamId, canApprove } = useOutletContext<ProjectContext>();
  const action = (path: string) => serviceUrl(teamId, 'action', `projects/${project.id}/${path}`);
  const approvals = useApi(`${project.id}/approvals`, (signal) => api.get<Approval[]>(action('approvals'), { signal }), { pollMs: 10000 });
  const executions = useApi(`${project.id}/executions`, (signal) => api.get<Execution[]>(action('executions'), { signal }), { pollMs: 15000 });
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();

  async function decide(approval: Approval, verdict: 'approve' | 'reject') {
    setError(undefined);
    setMessage(undefined);
    try {
      await api.post(action(`approvals/${idOf(approval)}/${verdict}`));
      setMessage(`${verdict === 'approve' ? 'Approved' : 'Rejected'}: ${approval.policyName ?? approval.actionType ?? idOf(approval)}`);
      approvals.reload();
      executions.reload();
    } catch (cause) {
      setError(cause);
    }
  }

  return (
    <div className="stack">
      <section className="card" aria-labelledby="approvals-title">
        <h2 id="approvals-title">Waiting for approval</h2>
        <ErrorMessage error={approvals.error ?? error} onRetry={approvals.reload} />
        {message ? <p role="status" className="ok">{message}</p> : null}
        {approvals.data && approvals.data.length === 0 ? <p>Nothing waits for approval.</p> : null}
        <ul className="plain" data-testid="approvals">
          {(approvals.data ?? []).map((approval) => (
            <li key={idOf(approval)} className="approval" data-testid={`approval-${idOf(approval)}`}>
              {approval.severity ? <SeverityBadge severity={approval.severity} /> : null} <strong>{approval.policyName ?? approval.policyId}</strong>
              {' '}{approval.actionType}{approval.target ? ` on ${approval.target}` : ''}{' — '}{approval.title ?? approval.summary ?? approval.detail ?? approval.ruleId}
              {approval.steps?.length ? <span className="hint"> — {approval.steps.map((step) => step.type).join(' → ')}</span> : null}
              {approval.expiresAt ? <span className="hint"> (expires {new Date(approval.expiresAt).toLocaleTimeString()})</span> : null}
              {canApprove ? (
                <span className="buttons">
                  <button type="button" onClick={() => void decide(approval, 'approve')}>Approve</button>
                  <button type="button" className="danger" onClick={() => void decide(approval, 'reject')}>Reject</button>
                </span>
              ) : <span className="hint"> (an approver or owner decides)</span>}
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="executions-title">
        <h2 id="executions-title">History</h2>
        <ErrorMessage error={executions.error} onRetry={executions.reload} />
        {executions.data && executions.data.length === 0 ? <p>No action has run yet.</p> : null}
        {executions.data?.length ? (
          <table data-testid="executions-table">
            <thead><tr><th scope="col">When</th><th scope="col">Policy</th><th scope="col">Action</th><th scope="col">Mode</th><th scope="col">Status</th><th scope="col">Detail</th></tr></thead>
            <tbody>
              {executions.data.map((execution) => {
                const when = execution.finishedAt ?? execution.updatedAt ?? execution.startedAt;
                return (
                  <tr key={idOf(execution)}>
                    <td>{when ? new Date(when).toLocaleString() : '—'}</td>
                    <td>{execution.policyName ?? execution.policyId}</td><td>{execution.actionType}{execution.target ? ` (${execution.target})` : ''}</td>
                    <td>{execution.mode}</td><td>{execution.status ?? execution.state}</td><td>{execution.detail}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}

function idOf(item: { id?: string; executionId?: string }): string {
  return item.id ?? item.executionId ?? '';
}
