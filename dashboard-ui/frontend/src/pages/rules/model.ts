/** A rule as the rules API's JSON shows it (the keys of docs/rules.md). */
export interface Rule {
  id: string;
  kind: 'threshold' | 'change' | 'event' | 'composite';
  title: string;
  description?: string;
  severity: string;
  enabled?: boolean;
  metric?: string;
  event?: string;
  attack?: string;
  above?: number;
  below?: number;
  percent?: number;
  over?: string;
  against?: string;
  within?: string;
  quiet?: string;
  for?: number;
  count?: number;
  atLeast?: number;
  resolve?: number;
  aggregate?: string;
  [key: string]: unknown;
}

export interface RuleSetView {
  projectId: string;
  version: number;
  chainType: string;
  basePack?: string;
  updatedAt?: string;
  updatedBy?: string;
  rules: { pack?: string; retired?: string[]; rules: Rule[] };
}

/** The keys a rule's editor offers per kind; all are patchable (docs/rules.md, PATCH). */
export const EDITABLE: Record<Rule['kind'], string[]> = {
  threshold: ['above', 'below', 'over', 'aggregate', 'for', 'resolve'],
  change: ['percent', 'over', 'against', 'for', 'resolve'],
  event: ['above', 'count', 'within', 'quiet'],
  composite: ['atLeast', 'within'],
};

export const NUMERIC = new Set(['above', 'below', 'percent', 'for', 'count', 'atLeast', 'resolve']);

export const FIELD_LABEL: Record<string, string> = {
  above: 'Above (threshold)', below: 'Below (threshold)', percent: 'Percentage change (%)', over: 'Window (e.g. 5 blocks, 30s)',
  against: 'Compared against window', within: 'Within window', quiet: 'Resolves after quiet for', for: 'Evaluations in a row',
  count: 'Times', atLeast: 'At least (signals)', resolve: 'Resolve at', aggregate: 'Aggregate (avg, sum, min, max)',
};

/** The group a rule is shown in: the attack of a composite, the event kind, or the metric's area. */
export function ruleGroup(rule: Rule): string {
  if (rule.kind === 'composite') return `Attack: ${rule.attack ?? 'composite'}`;
  if (rule.metric) {
    const parts = rule.metric.split('.');
    return `Metrics: ${parts.slice(0, 2).join('.')}`;
  }
  if (rule.event) return `Events: ${rule.event}`;
  return 'Other';
}

export function groupRules(rules: Rule[]): [string, Rule[]][] {
  const groups = new Map<string, Rule[]>();
  for (const rule of rules) {
    const name = ruleGroup(rule);
    groups.set(name, [...(groups.get(name) ?? []), rule]);
  }
  return Array.from(groups.entries()).sort(([a], [b]) => a.localeCompare(b));
}

/** A merge patch of what the form changed: numbers where the key is numeric, null where a field was emptied. */
export function mergePatch(rule: Rule, form: Record<string, string>, severity: string): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(form)) {
    const text = raw.trim();
    const before = rule[key];
    if (text === '') {
      if (before !== undefined && before !== null) patch[key] = null;
      continue;
    }
    const value = NUMERIC.has(key) && !Number.isNaN(Number(text)) ? Number(text) : text;
    if (String(before ?? '') !== String(value)) patch[key] = value;
  }
  if (severity !== rule.severity) patch.severity = severity;
  return patch;
}

/** What a rule fires on, in a short line. */
export function condition(rule: Rule): string {
  const parts: string[] = [];
  if (rule.metric) parts.push(rule.metric);
  if (rule.event) parts.push(`event ${rule.event}`);
  if (rule.above !== undefined) parts.push(`> ${rule.above}`);
  if (rule.below !== undefined) parts.push(`< ${rule.below}`);
  if (rule.percent !== undefined) parts.push(`${rule.percent > 0 ? '+' : ''}${rule.percent}%`);
  if (rule.over) parts.push(`over ${rule.over}`);
  if (rule.against) parts.push(`against ${rule.against}`);
  if (rule.count !== undefined) parts.push(`${rule.count}×`);
  if (rule.within) parts.push(`within ${rule.within}`);
  return parts.join(' ');
}
