import { useState } from 'react';
import { useOutletContext } from 'react-router';
import { api, serviceUrl } from '../api/client';
import type { Deployment } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatValue, LiveChart } from '../components/LiveChart';
import { SeverityBadge } from '../components/Severity';
import { useApi } from '../components/useApi';
import type { LiveState } from '../live/liveStore';
import { useLive } from '../live/useLive';
import type { ProjectContext } from './ProjectNav';
import { ReplicaTable } from './SetupPage';

/** The metrics charted first when they arrive (the rest are one click away), in the order of the System Health Overview. */
export const KEY_METRICS = ['chain.height', 'chain.block.interval', 'chain.hashrate', 'node.peers', 'node.rpc.latency',
  'chain.block.transactions', 'node.cpu.percent', 'node.memory.rss_bytes'];

const CONNECTION_WORDS: Record<LiveState['connection'], string> = {
  connecting: 'Connecting to the live feed…', open: 'Live', reconnecting: 'Live feed interrupted; reconnecting…', closed: 'Live feed closed',
};

/** The System Health Overview: key values, replica status, live charts per replica, findings streaming in. */
export function OverviewPage() {
  const { project, teamId } = useOutletContext<ProjectContext>();
  const live = useLive(teamId, project.id);
  const deployment = useApi(`${project.id}/deployment`,
    (signal) => api.get<Deployment | null>(serviceUrl(teamId, 'spawner', `projects/${project.id}/deployment`), { signal }),
    { notFoundAs: null, pollMs: 10000 });
  const [showAll, setShowAll] = useState(false);
  const metrics = Object.keys(live.series);
  const key = KEY_METRICS.filter((name) => live.series[name]);
  const others = metrics.filter((name) => !KEY_METRICS.includes(name)).sort();

  return (
    <div className="stack">
      <p role="status" className={`connection connection-${live.connection}`} data-testid="live-connection">{CONNECTION_WORDS[live.connection]}
        {live.unreadable ? ` (${live.unreadable} unreadable events skipped)` : ''}</p>

      <section aria-labelledby="glance-title" className="card">
        <h2 id="glance-title">At a glance</h2>
        <dl className="glance" data-testid="glance">
          <div><dt>Height</dt><dd>{bestHeight(live) ?? '—'}</dd></div>
          <div><dt>Replicas up</dt><dd>{replicasUp(deployment.data, live)}</dd></div>
          <div><dt>Firing findings</dt><dd>{live.findings.filter((finding) => finding.status === 'firing').length}</dd></div>
          {['chain.block.interval', 'node.peers', 'node.rpc.latency', 'node.cpu.percent'].map((name) => (
            <div key={name}><dt>{name}</dt><dd>{latestAverage(live, name)}</dd></div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="replica-title" className="card">
        <h2 id="replica-title">Replicas</h2>
        <ErrorMessage error={deployment.error} />
        {deployment.data ? <ReplicaTable deployment={mergeReplicaStates(deployment.data, live)} /> : deployment.data === null ? <p>Not deployed.</p> : null}
      </section>

      <section aria-labelledby="charts-title" className="card">
        <h2 id="charts-title">Live metrics</h2>
        {metrics.length === 0 ? <p>No metrics yet. They appear as the replicas produce blocks.</p> : null}
        <div className="charts">
          {key.map((name) => <LiveChart key={name} metric={name} unit={live.units[name]} series={live.series[name]} />)}
        </div>
        {others.length ? (
          <>
            <button type="button" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
              {showAll ? 'Hide' : 'Show'} {others.length} more metrics
            </button>
            {showAll ? <div className="charts">{others.map((name) => <LiveChart key={name} metric={name} unit={live.units[name]} series={live.series[name]} />)}</div> : null}
          </>
        ) : null}
      </section>

      <section aria-labelledby="findings-title" className="card">
        <h2 id="findings-title">Latest findings</h2>
        {live.findings.length === 0 ? <p>No findings since this page opened.</p> : (
          <ol className="findings" aria-live="polite" data-testid="live-findings">
            {live.findings.map((finding, index) => (
              <li key={`${finding.fingerprint ?? index}-${finding.status}-${finding.time}`}>
                <SeverityBadge severity={finding.severity} /> <strong>{finding.status}</strong> {finding.title ?? finding.ruleId}
                <span className="hint"> {new Date(finding.time).toLocaleTimeString()}{finding.replicaId ? ` on ${finding.replicaId}` : ''}</span>
                {finding.summary ? <p>{finding.summary}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function bestHeight(live: LiveState): number | undefined {
  const heights = Object.values(live.blocks).map((block) => block.height);
  const series = Object.values(live.series['chain.height'] ?? {}).map((points) => points[points.length - 1]?.v ?? 0);
  const all = [...heights, ...series];
  return all.length ? Math.max(...all) : undefined;
}

function latestAverage(live: LiveState, metric: string): string {
  const latest = Object.values(live.series[metric] ?? {}).map((points) => points[points.length - 1]?.v).filter((value): value is number => value !== undefined);
  if (!latest.length) return '—';
  const unit = live.units[metric];
  // A count needs no unit word; seconds, percent and bytes do.
  return `${formatValue(latest.reduce((sum, value) => sum + value, 0) / latest.length)}${unit && unit !== 'count' ? ` ${unit}` : ''}`;
}

function replicasUp(deployment: Deployment | null | undefined, live: LiveState): string {
  if (!deployment) return '—';
  const merged = mergeReplicaStates(deployment, live);
  const up = merged.replicas.filter((replica) => ['running', 'up', 'healthy'].includes(replica.state.toLowerCase())).length;
  return `${up} of ${merged.replicas.length}`;
}

/** A lifecycle event newer than the last poll wins: the table follows the live feed between polls. */
function mergeReplicaStates(deployment: Deployment, live: LiveState): Deployment {
  return { ...deployment, replicas: deployment.replicas.map((replica) => live.replicas[replica.id] ? { ...replica, state: live.replicas[replica.id].state } : replica) };
}
