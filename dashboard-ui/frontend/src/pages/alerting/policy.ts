import type { Severity } from '../../api/types';

/** The alerts service's policy document (alerts-service README, Policy). Unknown members are kept as they are. */
export interface AlertPolicy {
  tiers: { name: string; contacts: string[] }[];
  routes?: AlertRoute[];
  [member: string]: unknown;
}

export interface AlertRoute {
  name: string;
  severities?: string[];
  matchers?: { field: string; op: string; value: string }[];
  tiers: string[];
  channels?: string[];
}

export const CHANNELS = ['email', 'slack', 'webhook', 'pagerduty', 'telegram'] as const;

/** What the dashboard edits per severity tier: who is told and through which channels. */
export interface TierSetting {
  contacts: string[];
  channels: string[];
}

const PREFIX = 'severity-';

/** The dashboard's own per-severity settings read back from a policy (its `severity-<name>` tiers and routes). */
export function tierSettings(policy: AlertPolicy | null | undefined, severity: Severity): TierSetting | undefined {
  const route = policy?.routes?.find((candidate) => candidate.name === PREFIX + severity);
  if (!route) return undefined;
  const tier = policy?.tiers.find((candidate) => candidate.name === PREFIX + severity);
  return { contacts: tier?.contacts ?? [], channels: route.channels ?? [...CHANNELS] };
}

/** The route that decides a finding of this severity today, when the dashboard set none (first match wins). */
export function effectiveRoute(policy: AlertPolicy | null | undefined, severity: Severity): AlertRoute | undefined {
  return policy?.routes?.find((route) => (!route.severities?.length || route.severities.includes(severity)) && !route.matchers?.length);
}

/**
 * A policy with the per-severity settings applied: one tier and one route per severity that has contacts, placed
 * before the user's other routes (the first matching route wins), everything else left as it was.
 */
export function applyTierSettings(policy: AlertPolicy | null | undefined, settings: Partial<Record<Severity, TierSetting>>): AlertPolicy {
  const base: AlertPolicy = policy ? { ...policy } : { tiers: [] };
  const own = (name: string) => name.startsWith(PREFIX);
  const chosen = Object.entries(settings).filter(([, setting]) => setting && setting.contacts.length > 0) as [Severity, TierSetting][];
  base.tiers = [...base.tiers.filter((tier) => !own(tier.name)),
    ...chosen.map(([severity, setting]) => ({ name: PREFIX + severity, contacts: setting.contacts }))];
  base.routes = [
    ...chosen.map(([severity, setting]) => ({ name: PREFIX + severity, severities: [severity], tiers: [PREFIX + severity], channels: setting.channels })),
    ...(base.routes ?? []).filter((route) => !own(route.name)),
  ];
  return base;
}
