import { useEffect, useState, type FormEvent } from 'react';
import { useOutletContext } from 'react-router';
import { api, serviceUrl } from '../../api/client';
import { ApiError, fieldErrors } from '../../api/problem';
import { SEVERITIES, SEVERITY_LABEL, type Severity } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApi } from '../../components/useApi';
import type { ProjectContext } from '../ProjectNav';
import { ActionPolicies } from './ActionPolicies';
import { applyTierSettings, CHANNELS, effectiveRoute, tierSettings, type AlertPolicy, type TierSetting } from './policy';

export interface Contact {
  id: string;
  name: string;
  email?: string;
  slackWebhook?: { configured: boolean };
  webhook?: { configured: boolean };
  pagerduty?: { configured: boolean };
  telegramChatId?: string;
}

/** Step 3: per severity tier, who is told through which channels (alerts service), and the action policies. */
export function AlertingPage() {
  const { project, teamId, canEdit } = useOutletContext<ProjectContext>();
  const alerts = (path: string) => serviceUrl(teamId, 'alerts', `projects/${project.id}/alerts/${path}`);
  const contacts = useApi(`${project.id}/contacts`, (signal) => api.get<Contact[]>(alerts('contacts'), { signal }));
  const policy = useApi(`${project.id}/policy`, (signal) => api.get<AlertPolicy | null>(alerts('policy'), { signal }), { notFoundAs: null });
  const [settings, setSettings] = useState<Partial<Record<Severity, TierSetting>>>({});
  const [saveError, setSaveError] = useState<unknown>();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (policy.data === undefined) return;
    setSettings(Object.fromEntries(SEVERITIES.map((severity) => [severity, tierSettings(policy.data, severity) ?? { contacts: [], channels: [...CHANNELS] }])));
  }, [policy.data]);

  function toggle(severity: Severity, member: 'contacts' | 'channels', value: string, on: boolean) {
    const current = settings[severity] ?? { contacts: [], channels: [...CHANNELS] };
    const list = on ? [...current[member], value] : current[member].filter((item) => item !== value);
    setSettings({ ...settings, [severity]: { ...current, [member]: list } });
    setSaved(false);
  }

  async function save() {
    setSaveError(undefined);
    try {
      policy.setData(await api.put<AlertPolicy>(alerts('policy'), applyTierSettings(policy.data, settings)));
      setSaved(true);
    } catch (cause) {
      setSaveError(cause);
    }
  }

  return (
    <div className="stack">
      <section className="card" aria-labelledby="tiers-title">
        <h2 id="tiers-title">Step 3 — who is told, per severity tier</h2>
        <ErrorMessage error={contacts.error ?? policy.error} />
        {contacts.data && contacts.data.length === 0 ? <p>Add a contact below first; then choose who each tier tells.</p> : null}
        <div className="tiers">
          {SEVERITIES.map((severity) => {
            const setting = settings[severity];
            const fallback = effectiveRoute(policy.data, severity);
            return (
              <fieldset key={severity} className={`tier severity-border-${severity}`} data-testid={`tier-${severity}`}>
                <legend>{SEVERITY_LABEL[severity]}</legend>
                <p className="hint">Contacts</p>
                {(contacts.data ?? []).map((contact) => (
                  <label key={contact.id} className="check">
                    <input type="checkbox" disabled={!canEdit} checked={setting?.contacts.includes(contact.id) ?? false}
                      onChange={(event) => toggle(severity, 'contacts', contact.id, event.target.checked)} /> {contact.name}
                  </label>
                ))}
                <p className="hint">Channels</p>
                {CHANNELS.map((channel) => (
                  <label key={channel} className="check">
                    <input type="checkbox" disabled={!canEdit} checked={setting?.channels.includes(channel) ?? false}
                      onChange={(event) => toggle(severity, 'channels', channel, event.target.checked)} /> {channel}
                  </label>
                ))}
                {!setting?.contacts.length ? (
                  <p className="hint">{fallback ? `Now routed by “${fallback.name}” to ${fallback.tiers.join(', ')}.` : policy.data ? 'No route sends these yet.' : 'No alert policy yet.'}</p>
                ) : null}
              </fieldset>
            );
          })}
        </div>
        {canEdit ? <button type="button" onClick={() => void save()} data-testid="save-tiers">Save alerting</button> : null}
        {saved ? <p role="status" className="ok">Alerting saved.</p> : null}
        <ErrorMessage error={saveError} />
      </section>

      <ContactsSection contacts={contacts.data ?? []} url={alerts('contacts')} canEdit={canEdit} onChange={contacts.reload} />
      <ActionPolicies url={serviceUrl(teamId, 'action', `projects/${project.id}/action-policies`)} canEdit={canEdit} />
    </div>
  );
}

function ContactsSection({ contacts, url, canEdit, onChange }: { contacts: Contact[]; url: string; canEdit: boolean; onChange: () => void }) {
  const empty = { name: '', email: '', slackWebhook: '', webhookUrl: '', webhookSecret: '', pagerdutyRoutingKey: '', telegramChatId: '' };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<unknown>();
  const errors = error instanceof ApiError ? fieldErrors(error.problem) : {};

  async function add(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const body: Record<string, unknown> = { name: form.name };
    if (form.email) body.email = form.email;
    if (form.slackWebhook) body.slackWebhook = form.slackWebhook;
    if (form.webhookUrl) body.webhook = { url: form.webhookUrl, secret: form.webhookSecret };
    if (form.pagerdutyRoutingKey) body.pagerdutyRoutingKey = form.pagerdutyRoutingKey;
    if (form.telegramChatId) body.telegramChatId = form.telegramChatId;
    try {
      await api.post(url, body);
      setForm(empty);
      onChange();
    } catch (cause) {
      setError(cause);
    }
  }

  async function remove(contact: Contact) {
    setError(undefined);
    try { await api.del(`${url}/${contact.id}`); onChange(); } catch (cause) { setError(cause); }
  }

  const [tested, setTested] = useState<Record<string, string>>({});

  async function sendTest(contact: Contact, channel: TestChannel) {
    setError(undefined);
    const key = `${contact.id}/${channel}`;
    setTested((current) => ({ ...current, [key]: 'sending…' }));
    try {
      const outcome = await api.post<TestOutcome>(`${url}/${contact.id}/test`, { channel });
      setTested((current) => ({ ...current, [key]: describeTest(outcome) }));
    } catch (cause) {
      setTested((current) => ({ ...current, [key]: '' }));
      setError(cause);
    }
  }

  const field = (key: keyof typeof empty, label: string, type = 'text') => (
    <div>
      <label htmlFor={`contact-${key}`}>{label}</label>
      <input id={`contact-${key}`} type={type} value={form[key]} onChange={(event) => setForm({ ...form, [key]: event.target.value })}
        aria-invalid={Boolean(errors[key])} />
      {errors[key] ? <p className="field-error">{errors[key]}</p> : null}
    </div>
  );

  return (
    <section className="card" aria-labelledby="contacts-title">
      <h2 id="contacts-title">Contacts and channels</h2>
      <ul className="plain">
        {contacts.map((contact) => (
          <li key={contact.id} data-testid={`contact-${contact.name}`}>
            <strong>{contact.name}</strong>{' '}
            {[contact.email && `email ${contact.email}`, contact.slackWebhook?.configured && 'Slack', contact.webhook?.configured && 'webhook',
              contact.pagerduty?.configured && 'PagerDuty', contact.telegramChatId && 'Telegram'].filter(Boolean).join(', ')}
            {canEdit ? <button type="button" className="danger small" onClick={() => void remove(contact)} aria-label={`Remove contact ${contact.name}`}>Remove</button> : null}
            {canEdit ? (
              <span className="buttons inline">
                {testChannels(contact).map((channel) => (
                  <button key={channel} type="button" className="small" data-testid={`test-${contact.name}-${channel}`}
                    onClick={() => void sendTest(contact, channel)} aria-label={`Send a test alert to ${contact.name} by ${channel}`}>
                    Send test ({channel})
                  </button>
                ))}
              </span>
            ) : null}
            {testChannels(contact).map((channel) => tested[`${contact.id}/${channel}`] ? (
              <p key={channel} role="status" data-testid={`test-result-${contact.name}-${channel}`}>
                {channel}: {tested[`${contact.id}/${channel}`]}
              </p>
            ) : null)}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form onSubmit={add} className="grid" aria-label="Add a contact">
          {field('name', 'Name')}
          {field('email', 'Email', 'email')}
          {field('slackWebhook', 'Slack webhook URL', 'url')}
          {field('webhookUrl', 'Webhook URL', 'url')}
          {field('webhookSecret', 'Webhook secret (16+ characters)', 'password')}
          {field('pagerdutyRoutingKey', 'PagerDuty routing key')}
          {field('telegramChatId', 'Telegram chat id')}
          <div className="buttons"><button type="submit" disabled={!form.name}>Add contact</button></div>
        </form>
      ) : null}
      <ErrorMessage error={error} />
    </section>
  );
}

type TestChannel = 'email' | 'slack' | 'webhook' | 'pagerduty' | 'telegram';

/** What the alerts service answers to a test message. */
export interface TestOutcome {
  channel: string;
  delivered: boolean;
  retryable: boolean;
  reason?: string | null;
  detail?: string | null;
}

/** The channels a contact has an address for, in the order the form lists them. */
export function testChannels(contact: Contact): TestChannel[] {
  const channels: TestChannel[] = [];
  if (contact.email) channels.push('email');
  if (contact.slackWebhook?.configured) channels.push('slack');
  if (contact.webhook?.configured) channels.push('webhook');
  if (contact.pagerduty?.configured) channels.push('pagerduty');
  if (contact.telegramChatId) channels.push('telegram');
  return channels;
}

/** A test's outcome in words. */
export function describeTest(outcome: TestOutcome): string {
  if (outcome.delivered) {
    return `delivered${outcome.detail ? ` (${outcome.detail})` : ''}`;
  }
  const why = [outcome.reason?.replaceAll('_', ' '), outcome.detail].filter(Boolean).join(': ');
  return `not delivered${why ? ` — ${why}` : ''}${outcome.retryable ? '; a real alert would be retried' : ''}`;
}
