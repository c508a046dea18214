import { describe, expect, it } from 'vitest';
import { describeTest, testChannels, type Contact } from './AlertingPage';

describe('send test alert', () => {
  it('offers a test for every channel the contact has an address for, and only those', () => {
    const contact = {
      id: 'c-1', name: 'ops', email: 'ops@example.com', slackWebhook: { configured: true },
      webhook: { configured: false }, pagerduty: { configured: true }, telegramChatId: null,
    } as unknown as Contact;

    expect(testChannels(contact)).toEqual(['email', 'slack', 'pagerduty']);
  });

  it('says in words whether the receiver took the test and, if not, why and whether an alert would be retried', () => {
    expect(describeTest({ channel: 'slack', delivered: true, retryable: false, detail: 'HTTP 200' }))
      .toBe('delivered (HTTP 200)');
    expect(describeTest({ channel: 'webhook', delivered: false, retryable: true, reason: 'server_error', detail: 'HTTP 503' }))
      .toBe('not delivered — server error: HTTP 503; a real alert would be retried');
    expect(describeTest({ channel: 'email', delivered: false, retryable: false, reason: 'not_configured', detail: null }))
      .toBe('not delivered — not configured');
  });
});
