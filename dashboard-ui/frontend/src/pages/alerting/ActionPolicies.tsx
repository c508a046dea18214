import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ApiError, fieldErrors } from '../../api/problem';
import { SEVERITIES, SEVERITY_LABEL } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApi } from '../../components/useApi';

interface PolicyView {
  id: string;
  name: string;
  enabled: boolean;
  trigger: { minSeverity?: string; ruleIds?: string[]; attacks?: string[]; labels?: Record<string, string> };
  cooldown?: string;
  mode: Mode;
  steps: { type: string; parameters?: Record<string, string>; timeout?: string; onFailure?: string }[];
}

type Mode = 'AUTOMATIC' | 'APPROVAL' | 'DRY_RUN';
const MODES: [Mode, string][] = [['AUTOMATIC', 'Automatic'], ['APPROVAL', 'Needs approval'], ['DRY_RUN', 'Dry run']];
const STEP_TYPES = ['inform-partners', 'http-call', 'block-source', 'isolate-replica'];

/** The action-service's policies, listed by the tier that starts them; mode and on/off change in place. */
export function ActionPolicies({ url, canEdit }: { url: string; canEdit: boolean }) {
  const policies = useApi(url, (signal) => api.get<PolicyView[]>(url, { signal }));
  const [error, setError] = useState<unknown>();

  async function replace(policy: PolicyView, change: Partial<PolicyView>) {
    setError(undefined);
    const { id: _id, ...document } = { ...policy, ...change };
    try { await api.put(`${url}/${policy.id}`, document); policies.reload(); } catch (cause) { setError(cause); }
  }

  async function remove(policy: PolicyView) {
    setError(undefined);
    try { await api.del(`${url}/${policy.id}`); policies.reload(); } catch (cause) { setError(cause); }
  }

  return (
    <section className="card" aria-labelledby="actions-title">
      <h2 id="actions-title">Actions per tier</h2>
      <ErrorMessage error={policies.error ?? error} />
      {SEVERITIES.map((severity) => {
        const list = (policies.data ?? []).filter((policy) => (policy.trigger?.minSeverity ?? 'low') === severity);
        return (
          <div key={severity} data-testid={`actions-${severity}`}>
            <h3>{SEVERITY_LABEL[severity]}{severity === 'extreme' ? '' : ' and above'}</h3>
            {list.length === 0 ? <p className="hint">No action policy starts at this tier.</p> : (
              <ul className="plain">
                {list.map((policy) => (
                  <li key={policy.id} className="policy">
                    <label className="check">
                      <input type="checkbox" checked={policy.enabled} disabled={!canEdit} onChange={(event) => void replace(policy, { enabled: event.target.checked })} />
                      {' '}{policy.name}
                    </label>
                    <span className="hint"> {policy.steps.map((step) => step.type).join(' → ')}</span>
                    <label className="inline">
                      <span className="visually-hidden">Mode of {policy.name}</span>
                      <select value={policy.mode} disabled={!canEdit} onChange={(event) => void replace(policy, { mode: event.target.value as Mode })}>
                        {MODES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
                      </select>
                    </label>
                    {canEdit ? <button type="button" className="danger small" onClick={() => void remove(policy)} aria-label={`Remove policy ${policy.name}`}>Remove</button> : null}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      {canEdit ? <NewPolicy url={url} onCreated={policies.reload} /> : null}
    </section>
  );
}

function NewPolicy({ url, onCreated }: { url: string; onCreated: () => void }) {
  const [name, setName] = useState('');
  const [minSeverity, setMinSeverity] = useState('extreme');
  const [mode, setMode] = useState<Mode>('APPROVAL');
  const [type, setType] = useState('inform-partners');
  const [parameter, setParameter] = useState('');
  const [error, setError] = useState<unknown>();
  const errors = error instanceof ApiError ? fieldErrors(error.problem) : {};
  const parameterName = type === 'http-call' ? 'url' : type === 'block-source' ? 'duration' : undefined;

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const step: Record<string, unknown> = { type };
    if (parameterName && parameter) step.parameters = { [parameterName]: parameter };
    try {
      await api.post(url, { name, enabled: true, trigger: { minSeverity }, mode, steps: [step] });
      setName('');
      setParameter('');
      onCreated();
    } catch (cause) {
      setError(cause);
    }
  }

  return (
    <form onSubmit={create} className="grid" aria-label="Add an action policy">
      <div>
        <label htmlFor="policy-name">Policy name</label>
        <input id="policy-name" required value={name} onChange={(event) => setName(event.target.value)} aria-invalid={Boolean(errors.name)} />
        {errors.name ? <p className="field-error">{errors.name}</p> : null}
      </div>
      <div>
        <label htmlFor="policy-severity">Starts at</label>
        <select id="policy-severity" value={minSeverity} onChange={(event) => setMinSeverity(event.target.value)}>
          {SEVERITIES.map((severity) => <option key={severity} value={severity}>{SEVERITY_LABEL[severity]}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="policy-mode">Mode</label>
        <select id="policy-mode" value={mode} onChange={(event) => setMode(event.target.value as Mode)}>
          {MODES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="policy-step">Action</label>
        <select id="policy-step" value={type} onChange={(event) => setType(event.target.value)}>
          {STEP_TYPES.map((value) => <option key={value} value={value}>{value}</option>)}
        </select>
      </div>
      {parameterName ? (
        <div>
          <label htmlFor="policy-parameter">{parameterName === 'url' ? 'URL to call' : 'Block duration (ISO-8601, e.g. PT1H)'}</label>
          <input id="policy-parameter" value={parameter} required={parameterName === 'url'} onChange={(event) => setParameter(event.target.value)} />
        </div>
      ) : null}
      <div className="buttons"><button type="submit">Add action policy</button></div>
      <ErrorMessage error={error} />
    </form>
  );
}
