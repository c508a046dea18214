import { useState, type FormEvent } from 'react';
import { ApiError, fieldErrors } from '../../api/problem';
import { SEVERITIES, SEVERITY_LABEL } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { EDITABLE, FIELD_LABEL, mergePatch, type Rule } from './model';

/**
 * Edits one rule's values and sends them as a merge patch. A refusal shows next to the field it names (the problem's
 * `pointer`, e.g. `/over`, or `errors[].field`); what names no field shows above the buttons.
 */
export function RuleEditor({ rule, onSave, onCancel }: {
  rule: Rule;
  onSave: (patch: Record<string, unknown>) => Promise<void>;
  onCancel: () => void;
}) {
  const keys = EDITABLE[rule.kind] ?? [];
  const [form, setForm] = useState<Record<string, string>>(() =>
    Object.fromEntries(keys.map((key) => [key, rule[key] === undefined || rule[key] === null ? '' : String(rule[key])])));
  const [severity, setSeverity] = useState(rule.severity);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const errors = error instanceof ApiError ? fieldErrors(error.problem) : {};
  const unplaced = error && !keys.some((key) => errors[key]) && !errors.severity;
  const prefix = `rule-${rule.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const patch = mergePatch(rule, form, severity);
    if (Object.keys(patch).length === 0) { onCancel(); return; }
    setBusy(true);
    setError(undefined);
    try {
      await onSave(patch);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="rule-editor" onSubmit={submit} aria-label={`Edit ${rule.title}`} data-testid={`rule-editor-${rule.id}`}>
      <div className="grid">
        <div>
          <label htmlFor={`${prefix}-severity`}>Severity</label>
          <select id={`${prefix}-severity`} value={severity} onChange={(event) => setSeverity(event.target.value)}
            aria-invalid={Boolean(errors.severity)}>
            {SEVERITIES.map((value) => <option key={value} value={value}>{SEVERITY_LABEL[value]}</option>)}
          </select>
          {errors.severity ? <p className="field-error">{errors.severity}</p> : null}
        </div>
        {keys.map((key) => (
          <div key={key}>
            <label htmlFor={`${prefix}-${key}`}>{FIELD_LABEL[key] ?? key}</label>
            <input id={`${prefix}-${key}`} name={key} value={form[key]} inputMode={key === 'over' || key === 'against' || key === 'within' || key === 'quiet' || key === 'aggregate' ? 'text' : 'decimal'}
              onChange={(event) => setForm({ ...form, [key]: event.target.value })}
              aria-invalid={Boolean(errors[key])} aria-describedby={errors[key] ? `${prefix}-${key}-error` : undefined} />
            {errors[key] ? <p id={`${prefix}-${key}-error`} className="field-error" data-testid={`field-error-${key}`}>{errors[key]}</p> : null}
          </div>
        ))}
      </div>
      <p className="hint">Leave a field empty to put it back to its default.</p>
      {unplaced ? <ErrorMessage error={error} /> : null}
      <div className="buttons">
        <button type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save rule'}</button>
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
