import { SEVERITY_LABEL, type Severity } from '../api/types';

export const SEVERITY_RANK: Record<string, number> = { extreme: 0, high: 1, medium: 2, low: 3 };

/** A severity as a word with a colour; the word carries the meaning, the colour only helps. */
export function SeverityBadge({ severity }: { severity: string }) {
  const label = SEVERITY_LABEL[severity as Severity] ?? severity;
  return <span className={`badge severity-${severity}`}>{label}</span>;
}

export function bySeverity<T>(pick: (item: T) => string | undefined) {
  return (a: T, b: T) => (SEVERITY_RANK[pick(a) ?? ''] ?? 9) - (SEVERITY_RANK[pick(b) ?? ''] ?? 9);
}
