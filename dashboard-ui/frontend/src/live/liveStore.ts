/** The live state of one project, fed by the dashboard's server-sent events and read by React through `subscribe`. */
export interface MetricPoint {
  /** Milliseconds since the epoch. */
  t: number;
  v: number;
}

export interface LiveFinding {
  fingerprint?: string;
  ruleId?: string;
  attack?: string;
  severity: string;
  status: string;
  title?: string;
  summary?: string;
  replicaId?: string;
  time: string;
}

export interface LiveReplica {
  replicaId: string;
  state: string;
  location?: string;
  reason?: string;
  restarts?: number;
  time?: string;
}

export interface LiveBlock {
  replicaId: string;
  height: number;
  hash: string;
  time: string;
  transactions?: number;
}

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface LiveState {
  connection: ConnectionState;
  /** metric name → replica id → points, oldest first. */
  series: Record<string, Record<string, MetricPoint[]>>;
  units: Record<string, string>;
  findings: LiveFinding[];
  replicas: Record<string, LiveReplica>;
  blocks: Record<string, LiveBlock>;
  /** Events that could not be read, so a broken stream is visible rather than silent. */
  unreadable: number;
}

/** The part of EventSource the store uses, so tests can feed it without a server. */
export interface EventSourceLike {
  readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface LiveStoreOptions {
  maxPoints?: number;
  maxFindings?: number;
  /** Runs `flush` later; coalesces the many metric events of one block into one render. */
  schedule?: (flush: () => void) => void;
  createSource?: (url: string) => EventSourceLike;
}

const EMPTY: LiveState = { connection: 'connecting', series: {}, units: {}, findings: [], replicas: {}, blocks: {}, unreadable: 0 };
const CLOSED = 2;

/** Creates the live store of one project stream URL. Call `connect()` to start and `close()` to stop. */
export class LiveStore {
  private state: LiveState = EMPTY;
  private readonly listeners = new Set<() => void>();
  private source: EventSourceLike | undefined;
  private pending = false;
  private readonly maxPoints: number;
  private readonly maxFindings: number;
  private readonly schedule: (flush: () => void) => void;
  private readonly createSource: (url: string) => EventSourceLike;

  constructor(private readonly url: string, options: LiveStoreOptions = {}) {
    this.maxPoints = options.maxPoints ?? 600;
    this.maxFindings = options.maxFindings ?? 50;
    this.schedule = options.schedule ?? ((flush) => setTimeout(flush, 250));
    this.createSource = options.createSource ?? ((target) => new EventSource(target) as unknown as EventSourceLike);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): LiveState => this.state;

  connect(): void {
    if (this.source) return;
    const source = this.createSource(this.url);
    this.source = source;
    // A store closed and connected again (React's strict mode does so on mount) says it is connecting, not closed.
    if (this.state.connection !== 'connecting') this.update({ connection: 'connecting' }, true);
    source.onopen = () => this.update({ connection: 'open' }, true);
    // EventSource reconnects on its own after an error unless the server refused the stream (readyState CLOSED).
    source.onerror = () => this.update({ connection: source.readyState === CLOSED ? 'closed' : 'reconnecting' }, true);
    source.addEventListener('metric', (event) => this.read(event, (data) => this.metric(data)));
    source.addEventListener('finding', (event) => this.read(event, (data) => this.finding(data)));
    source.addEventListener('replica', (event) => this.read(event, (data) => this.replica(data)));
    source.addEventListener('block', (event) => this.read(event, (data) => this.block(data)));
  }

  close(): void {
    this.source?.close();
    this.source = undefined;
    this.update({ connection: 'closed' }, true);
  }

  private read(event: MessageEvent, apply: (data: Record<string, unknown>) => void): void {
    try {
      const parsed: unknown = JSON.parse(String(event.data));
      if (!parsed || typeof parsed !== 'object') throw new Error('not an object');
      // Accept a whole CloudEvents envelope as well as its payload.
      const record = parsed as Record<string, unknown>;
      const data = record.specversion && record.data && typeof record.data === 'object'
        ? { severity: record.severity, time: record.time, ...(record.data as Record<string, unknown>) }
        : record;
      apply(data);
    } catch {
      this.update({ unreadable: this.state.unreadable + 1 });
    }
  }

  private metric(data: Record<string, unknown>): void {
    const name = str(data.name);
    const replicaId = str(data.replicaId) ?? 'project';
    const value = Number(data.value);
    const time = Date.parse(str(data.time) ?? '');
    if (!name || !Number.isFinite(value) || Number.isNaN(time)) throw new Error('incomplete metric');
    const byReplica = this.state.series[name] ?? {};
    const points = byReplica[replicaId] ?? [];
    const next = points.length >= this.maxPoints ? points.slice(points.length - this.maxPoints + 1) : points.slice();
    // Samples may arrive out of order across replicas' batches; keep each series sorted by time.
    let at = next.length;
    while (at > 0 && next[at - 1].t > time) at--;
    next.splice(at, 0, { t: time, v: value });
    const unit = str(data.unit);
    this.update({
      series: { ...this.state.series, [name]: { ...byReplica, [replicaId]: next } },
      units: unit && this.state.units[name] !== unit ? { ...this.state.units, [name]: unit } : this.state.units,
    });
  }

  private finding(data: Record<string, unknown>): void {
    const finding: LiveFinding = {
      fingerprint: str(data.fingerprint),
      ruleId: str(data.ruleId),
      attack: str(data.attack),
      severity: str(data.severity) ?? 'low',
      status: str(data.status) ?? 'firing',
      title: str(data.title),
      summary: str(data.summary),
      replicaId: str(data.replicaId),
      time: str(data.time) ?? str(data.endsAt) ?? str(data.startsAt) ?? new Date().toISOString(),
    };
    const rest = this.state.findings.filter((f) => !(finding.fingerprint && f.fingerprint === finding.fingerprint && f.status === finding.status));
    this.update({ findings: [finding, ...rest].slice(0, this.maxFindings) });
  }

  private replica(data: Record<string, unknown>): void {
    const replicaId = str(data.replicaId);
    if (!replicaId) throw new Error('replica without id');
    const replica: LiveReplica = {
      replicaId,
      state: str(data.state) ?? 'unknown',
      location: str(data.location),
      reason: str(data.reason),
      restarts: typeof data.restarts === 'number' ? data.restarts : undefined,
      time: str(data.time),
    };
    this.update({ replicas: { ...this.state.replicas, [replicaId]: replica } });
  }

  private block(data: Record<string, unknown>): void {
    const replicaId = str(data.replicaId);
    const height = Number(data.height);
    if (!replicaId || !Number.isFinite(height)) throw new Error('incomplete block');
    const block: LiveBlock = {
      replicaId,
      height,
      hash: str(data.hash) ?? '',
      time: str(data.time) ?? '',
      transactions: typeof data.transactions === 'number' ? data.transactions : undefined,
    };
    this.update({ blocks: { ...this.state.blocks, [replicaId]: block } });
  }

  private update(change: Partial<LiveState>, now = false): void {
    this.state = { ...this.state, ...change };
    if (now) {
      this.pending = false;
      this.listeners.forEach((listener) => listener());
      return;
    }
    if (this.pending) return;
    this.pending = true;
    this.schedule(() => {
      if (!this.pending) return;
      this.pending = false;
      this.listeners.forEach((listener) => listener());
    });
  }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The live stream URL of a project through the dashboard. */
export function liveUrl(teamId: string, projectId: string): string {
  return `/api/t/${encodeURIComponent(teamId)}/live/projects/${encodeURIComponent(projectId)}`;
}
