import { describe, expect, it } from 'vitest';
import { groupRules, type Rule } from './model';

describe('rule grouping', () => {
  it('groups composites by attack, metric rules by metric area and event rules by event', () => {
    const rules: Rule[] = [
      { id: 'a', kind: 'change', title: 'A', severity: 'high', metric: 'chain.hashrate' },
      { id: 'b', kind: 'threshold', title: 'B', severity: 'low', metric: 'chain.block.interval' },
      { id: 'c', kind: 'composite', title: 'C', severity: 'extreme', attack: '51-percent' },
      { id: 'd', kind: 'event', title: 'D', severity: 'medium', event: 'reorg' },
      { id: 'e', kind: 'threshold', title: 'E', severity: 'low', metric: 'chain.block.size' },
    ];
    expect(groupRules(rules).map(([group, members]) => `${group}=${members.map((rule) => rule.id).join(',')}`))
      .toEqual(['Attack: 51-percent=c', 'Events: reorg=d', 'Metrics: chain.block=b,e', 'Metrics: chain.hashrate=a']);
  });
});
