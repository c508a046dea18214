import { useCallback, useEffect, useState } from 'react';
import { Link, useOutletContext } from 'react-router';
import { request, serviceUrl } from '../../api/client';
import { ApiError } from '../../api/problem';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SeverityBadge } from '../../components/Severity';
import type { ProjectContext } from '../ProjectNav';
import { DryRunPanel } from './DryRunPanel';
import { condition, groupRules, type RuleSetView } from './model';
import { RuleEditor } from './RuleEditor';

/** Step 2: the project's rules, grouped by metric area and attack; every change sends `If-Match` with the ETag read. */
export function RulesPage() {
  const { project, teamId, canEdit } = useOutletContext<ProjectContext>();
  const url = serviceUrl(teamId, 'health', `projects/${project.id}/rules`);
  const [view, setView] = useState<RuleSetView>();
  const [etag, setEtag] = useState<string>();
  const [loadError, setLoadError] = useState<unknown>();
  // Kept apart from the load's error: a refused change stays on screen while the rules reload after it.
  const [error, setError] = useState<unknown>();
  const [editing, setEditing] = useState<string>();
  const [adding, setAdding] = useState(false);
  const [newRule, setNewRule] = useState('');
  const [message, setMessage] = useState<string>();

  const load = useCallback(() => {
    request<RuleSetView>('GET', url)
      .then(({ data, headers }) => { setView(data); setEtag(headers.get('ETag') ?? `"${data.version}"`); setLoadError(undefined); })
      .catch(setLoadError);
  }, [url]);
  useEffect(load, [load]);

  /** Applies a change answered with the new rule set; a 412 reloads so the user sees what changed meanwhile. */
  async function change(method: string, path: string, options: Parameters<typeof request>[2]) {
    try {
      const { data, headers } = await request<RuleSetView | undefined>(method, path, { ...options, ifMatch: etag });
      if (data) { setView(data); setEtag(headers.get('ETag') ?? `"${data.version}"`); } else load();
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 412) load();
      throw cause;
    }
  }

  const patch = (ruleId: string, body: Record<string, unknown>) =>
    change('PATCH', `${url}/${encodeURIComponent(ruleId)}`, { body, contentType: 'application/merge-patch+json' });

  async function guarded(action: () => Promise<void>, done?: string) {
    setError(undefined);
    setMessage(undefined);
    try { await action(); if (done) setMessage(done); } catch (cause) { setError(cause); }
  }

  async function exportYaml() {
    await guarded(async () => {
      const { data } = await request<string>('GET', url, { accept: 'application/yaml' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([data], { type: 'application/yaml' }));
      link.download = `${project.name}-rules-v${view?.version ?? 0}.yaml`;
      link.click();
      URL.revokeObjectURL(link.href);
    });
  }

  async function importYaml(file: File) {
    const text = await file.text();
    await guarded(() => change('PUT', url, { rawBody: text, contentType: 'application/yaml' }), `Imported ${file.name}.`);
  }

  return (
    <div className="stack">
      <section className="card" aria-labelledby="rules-title">
        <div className="title-row">
          <h2 id="rules-title">Step 2 — rules</h2>
          {view ? <p data-testid="rules-version">Version {view.version}{view.version === 0 ? ` (the ${view.basePack ?? view.chainType} default pack)` : ''}</p> : null}
        </div>
        <div className="buttons">
          <button type="button" onClick={() => void exportYaml()} data-testid="export-rules">Export YAML</button>
          {canEdit ? (
            <>
              <label className="button" htmlFor="import-rules">Import YAML…</label>
              <input id="import-rules" className="visually-hidden" type="file" accept=".yaml,.yml,application/yaml"
                onChange={(event) => { const file = event.target.files?.[0]; event.target.value = ''; if (file) void importYaml(file); }} />
              <button type="button" onClick={() => setAdding(!adding)} aria-expanded={adding}>Add a rule</button>
            </>
          ) : null}
        </div>
        {message ? <p role="status" className="ok">{message}</p> : null}
        <ErrorMessage error={loadError} onRetry={load} />
        <ErrorMessage error={error} />
        {error instanceof ApiError && error.problem.line ? (
          <p className="field-error">At line {error.problem.line}, column {error.problem.column}{error.problem.key ? `, key ${error.problem.key}` : ''}.</p>
        ) : null}
        {adding ? (
          <form onSubmit={(event) => { event.preventDefault(); void guarded(async () => { await change('POST', url, { rawBody: newRule, contentType: 'application/yaml' }); setAdding(false); setNewRule(''); }, 'Rule added.'); }}>
            <label htmlFor="new-rule">New rule (YAML, the keys of one rule: id, kind, title, description, severity, metric, …)</label>
            <textarea id="new-rule" rows={10} value={newRule} onChange={(event) => setNewRule(event.target.value)} spellCheck={false}
              placeholder={'id: custom.peers-low\nkind: threshold\ntitle: Few peers\ndescription: The replica has fewer than 2 peers.\nseverity: medium\nmetric: node.peers\nbelow: 2\nover: 5m'} />
            <button type="submit" disabled={!newRule.trim()}>Add rule</button>
          </form>
        ) : null}
      </section>

      {view ? groupRules(view.rules.rules).map(([group, rules]) => (
        <section key={group} className="card" aria-label={group}>
          <h3>{group}</h3>
          <ul className="rules">
            {rules.map((rule) => (
              <li key={rule.id} data-testid={`rule-${rule.id}`}>
                <div className="rule-row">
                  <input type="checkbox" id={`enabled-${rule.id}`} checked={rule.enabled !== false} disabled={!canEdit}
                    onChange={(event) => void guarded(() => patch(rule.id, { enabled: event.target.checked }))} />
                  <label htmlFor={`enabled-${rule.id}`} className="rule-title">{rule.title} <small>{rule.id}</small></label>
                  <SeverityBadge severity={rule.severity} />
                  <span className="condition">{condition(rule)}</span>
                  {canEdit ? (
                    <span className="buttons">
                      <button type="button" onClick={() => setEditing(editing === rule.id ? undefined : rule.id)} aria-expanded={editing === rule.id}>Edit</button>
                      <button type="button" className="danger" onClick={() => {
                        if (window.confirm(`Remove rule ${rule.id}? Its id is retired and never used again.`)) {
                          void guarded(() => change('DELETE', `${url}/${encodeURIComponent(rule.id)}`, {}), `Rule ${rule.id} removed.`);
                        }
                      }}>Remove</button>
                    </span>
                  ) : null}
                </div>
                {rule.description ? <p className="hint">{rule.description}</p> : null}
                {editing === rule.id ? (
                  <RuleEditor rule={rule} onCancel={() => setEditing(undefined)}
                    onSave={async (body) => { await patch(rule.id, body); setEditing(undefined); }} />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      )) : loadError ? null : <p role="status">Loading rules…</p>}

      <DryRunPanel url={`${url}/dry-run`} />
      <p><Link to={`/projects/${project.id}/alerting`}>Next: step 3, alerting and actions →</Link></p>
    </div>
  );
}
