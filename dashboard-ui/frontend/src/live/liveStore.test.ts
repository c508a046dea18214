import { describe, expect, it, vi } from 'vitest';
import { LiveStore, liveUrl, type EventSourceLike } from './liveStore';

/** An EventSource stand-in the test drives: it delivers named events as the dashboard's SSE endpoint would. */
class FakeSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private readonly listeners = new Map<string, ((event: MessageEvent) => void)[]>();

  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  emit(type: string, data: unknown) {
    const event = new MessageEvent(type, { data: typeof data === 'string' ? data : JSON.stringify(data) });
    this.listeners.get(type)?.forEach((listener) => listener(event));
  }

  close() { this.closed = true; this.readyState = 2; }
}

function storeWithSource(options: { maxPoints?: number } = {}) {
  let source!: FakeSource;
  const flushes: (() => void)[] = [];
  const store = new LiveStore('/live', { ...options, schedule: (flush) => flushes.push(flush), createSource: () => (source = new FakeSource()) });
  store.connect();
  return { store, source, flush: () => flushes.splice(0).forEach((run) => run()) };
}

describe('the live store', () => {
  it('keeps one series per metric and replica, in time order', () => {
    const { store, source } = storeWithSource();
    source.emit('metric', { replicaId: 'r-1', name: 'node.peers', value: 3, unit: 'count', time: '2026-11-22T03:00:02Z' });
    source.emit('metric', { replicaId: 'r-2', name: 'node.peers', value: 5, unit: 'count', time: '2026-11-22T03:00:01Z' });
    source.emit('metric', { replicaId: 'r-1', name: 'node.peers', value: 4, unit: 'count', time: '2026-11-22T03:00:01Z' });
    const state = store.getSnapshot();
    expect(state.series['node.peers']['r-1'].map((point) => point.v)).toEqual([4, 3]);
    expect(state.series['node.peers']['r-2']).toEqual([{ t: Date.parse('2026-11-22T03:00:01Z'), v: 5 }]);
    expect(state.units['node.peers']).toBe('count');
  });

  it('drops the oldest points beyond the limit', () => {
    const { store, source } = storeWithSource({ maxPoints: 3 });
    for (let second = 0; second < 5; second++) {
      source.emit('metric', { replicaId: 'r-1', name: 'chain.height', value: second, unit: 'blocks', time: `2026-11-22T03:00:0${second}Z` });
    }
    expect(store.getSnapshot().series['chain.height']['r-1'].map((point) => point.v)).toEqual([2, 3, 4]);
  });

  it('notifies once for a burst of events, when the scheduled flush runs', () => {
    const { store, source, flush } = storeWithSource();
    const listener = vi.fn();
    store.subscribe(listener);
    source.emit('metric', { replicaId: 'r-1', name: 'a', value: 1, time: '2026-11-22T03:00:00Z' });
    source.emit('metric', { replicaId: 'r-1', name: 'b', value: 2, time: '2026-11-22T03:00:00Z' });
    expect(listener).not.toHaveBeenCalled();
    flush();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('lists findings newest first and replaces a repeated firing of the same fingerprint', () => {
    const { store, source } = storeWithSource();
    source.emit('finding', { fingerprint: 'f1', ruleId: 'pow.reorg', severity: 'high', status: 'firing', summary: 'first', time: '2026-11-22T03:00:00Z' });
    source.emit('finding', { fingerprint: 'f2', ruleId: 'pow.peers', severity: 'low', status: 'firing', summary: 'other', time: '2026-11-22T03:00:01Z' });
    source.emit('finding', { fingerprint: 'f1', ruleId: 'pow.reorg', severity: 'high', status: 'firing', summary: 'again', time: '2026-11-22T03:00:02Z' });
    source.emit('finding', { fingerprint: 'f1', ruleId: 'pow.reorg', severity: 'high', status: 'resolved', summary: 'over', time: '2026-11-22T03:00:03Z' });
    expect(store.getSnapshot().findings.map((finding) => `${finding.fingerprint}:${finding.status}:${finding.summary}`))
      .toEqual(['f1:resolved:over', 'f1:firing:again', 'f2:firing:other']);
  });

  it('reads a finding sent as a whole CloudEvents envelope', () => {
    const { store, source } = storeWithSource();
    source.emit('finding', { specversion: '1.0', severity: 'extreme', time: '2026-11-22T03:15:00.123Z', data: { fingerprint: 'f3', status: 'firing', title: '51% attack' } });
    expect(store.getSnapshot().findings[0]).toMatchObject({ fingerprint: 'f3', severity: 'extreme', title: '51% attack', time: '2026-11-22T03:15:00.123Z' });
  });

  it('follows replica states and the latest block per replica', () => {
    const { store, source } = storeWithSource();
    source.emit('replica', { replicaId: 'r-2', state: 'restarting', restarts: 2, reason: 'killed' });
    source.emit('block', { replicaId: 'r-2', height: 1212, hash: '365b', time: '2026-11-22T03:15:00Z', transactions: 4 });
    expect(store.getSnapshot().replicas['r-2']).toMatchObject({ state: 'restarting', restarts: 2 });
    expect(store.getSnapshot().blocks['r-2']).toMatchObject({ height: 1212, transactions: 4 });
  });

  it('counts unreadable events instead of failing', () => {
    const { store, source } = storeWithSource();
    source.emit('metric', 'not json');
    source.emit('metric', { replicaId: 'r-1', name: 'x', value: 'NaN?', time: 'yesterday' });
    source.emit('block', { height: 3 });
    expect(store.getSnapshot().unreadable).toBe(3);
    expect(store.getSnapshot().series).toEqual({});
  });

  it('reports the connection: open, reconnecting, closed by the server, closed by the page', () => {
    const { store, source } = storeWithSource();
    expect(store.getSnapshot().connection).toBe('connecting');
    source.onopen?.(new Event('open'));
    expect(store.getSnapshot().connection).toBe('open');
    source.readyState = 0;
    source.onerror?.(new Event('error'));
    expect(store.getSnapshot().connection).toBe('reconnecting');
    source.readyState = 2;
    source.onerror?.(new Event('error'));
    expect(store.getSnapshot().connection).toBe('closed');
    store.close();
    expect(source.closed).toBe(true);
    expect(store.getSnapshot().connection).toBe('closed');
    store.connect();
    expect(store.getSnapshot().connection).toBe('connecting');
  });

  it('builds the project stream URL of a team', () => {
    expect(liveUrl('t1', 'p/1')).toBe('/api/t/t1/live/projects/p%2F1');
  });
});
