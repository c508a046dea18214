import { describe, expect, it } from 'vitest';
import { applyTierSettings, effectiveRoute, tierSettings, type AlertPolicy } from './policy';

const policy: AlertPolicy = {
  tiers: [{ name: 'leads', contacts: ['bob'] }],
  routes: [{ name: 'eu', matchers: [{ field: 'labels.location', op: '=~', value: 'eu-.*' }], tiers: ['leads'] }, { name: 'rest', tiers: ['leads'], channels: ['email'] }],
  quietHours: { start: '22:00', end: '07:00', zone: 'Europe/Berlin' },
};

describe('the per-severity alerting settings', () => {
  it('put one tier and one route per chosen severity in front, keeping the user\'s own tiers, routes and members', () => {
    const changed = applyTierSettings(policy, { extreme: { contacts: ['alice', 'bob'], channels: ['pagerduty', 'email'] }, low: { contacts: [], channels: ['email'] } });
    expect(changed.tiers).toEqual([{ name: 'leads', contacts: ['bob'] }, { name: 'severity-extreme', contacts: ['alice', 'bob'] }]);
    expect(changed.routes?.map((route) => route.name)).toEqual(['severity-extreme', 'eu', 'rest']);
    expect(changed.routes?.[0]).toEqual({ name: 'severity-extreme', severities: ['extreme'], tiers: ['severity-extreme'], channels: ['pagerduty', 'email'] });
    expect(changed.quietHours).toEqual(policy.quietHours);
    expect(tierSettings(changed, 'extreme')).toEqual({ contacts: ['alice', 'bob'], channels: ['pagerduty', 'email'] });
    expect(tierSettings(changed, 'low')).toBeUndefined();
  });

  it('replaces its own earlier settings instead of piling them up', () => {
    const once = applyTierSettings(policy, { high: { contacts: ['alice'], channels: ['slack'] } });
    const twice = applyTierSettings(once, { high: { contacts: ['bob'], channels: ['email'] } });
    expect(twice.routes?.filter((route) => route.name === 'severity-high')).toHaveLength(1);
    expect(tierSettings(twice, 'high')).toEqual({ contacts: ['bob'], channels: ['email'] });
  });

  it('names the route that decides a severity the dashboard has not set', () => {
    expect(effectiveRoute(policy, 'medium')?.name).toBe('rest');
    expect(applyTierSettings(null, { medium: { contacts: ['a'], channels: ['email'] } }).tiers).toEqual([{ name: 'severity-medium', contacts: ['a'] }]);
  });
});
