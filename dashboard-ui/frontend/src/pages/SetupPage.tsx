import { useRef, useState } from 'react';
import { Link, useOutletContext } from 'react-router';
import { api, request, serviceUrl, upload } from '../api/client';
import type { BinaryInfo, Deployment } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { useApi } from '../components/useApi';
import { sha256OfFile, SUBTLE_LIMIT } from '../lib/sha256';
import type { ProjectContext } from './ProjectNav';

type Stage = 'idle' | 'hashing' | 'uploading' | 'done';

/** Step 1, second half: upload the binary (hash checked on both sides), deploy, watch the replicas come up. */
export function SetupPage() {
  const { project, teamId, canEdit, reloadProject } = useOutletContext<ProjectContext>();
  const base = `projects/${project.id}`;
  const binary = useApi(`${project.id}/binary`, (signal) => api.get<BinaryInfo | null>(serviceUrl(teamId, 'spawner', `${base}/binary`), { signal }), { notFoundAs: null });
  const deployment = useApi(`${project.id}/deployment`, (signal) => api.get<Deployment | null>(serviceUrl(teamId, 'spawner', `${base}/deployment`), { signal }),
    { notFoundAs: null, pollMs: 2000 });
  const [file, setFile] = useState<File>();
  const [stage, setStage] = useState<Stage>('idle');
  const [progress, setProgress] = useState(0);
  const [localHash, setLocalHash] = useState<string>();
  const [serverHash, setServerHash] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [deployError, setDeployError] = useState<unknown>();
  const abort = useRef<AbortController>(undefined);

  async function send() {
    if (!file) return;
    setError(undefined);
    setServerHash(undefined);
    abort.current = new AbortController();
    try {
      setStage('hashing');
      setProgress(0);
      const hash = await sha256OfFile(file, ({ hashed, total }) => setProgress(total ? hashed / total : 1), undefined, abort.current.signal);
      setLocalHash(hash);
      setStage('uploading');
      setProgress(0);
      const answer = await upload<BinaryInfo>('PUT', serviceUrl(teamId, 'spawner', `${base}/binary`), file,
        { 'X-Expected-SHA256': hash }, ({ loaded, total }) => setProgress(total ? loaded / total : 0), abort.current.signal);
      setServerHash(answer?.sha256);
      setStage('done');
      binary.setData(answer);
      reloadProject();
    } catch (cause) {
      setStage('idle');
      if (!(cause instanceof DOMException && cause.name === 'AbortError')) setError(cause);
    }
  }

  /** Deploys (POST) or stops every replica (DELETE), then reads the deployment again. */
  async function changeDeployment(method: 'POST' | 'DELETE') {
    setDeployError(undefined);
    try {
      await request(method, serviceUrl(teamId, 'spawner', `${base}/deployment`));
      deployment.reload();
    } catch (cause) {
      setDeployError(cause);
    }
  }

  const shownServerHash = serverHash ?? binary.data?.sha256;
  const busy = stage === 'hashing' || stage === 'uploading';
  return (
    <div className="stack">
      <section aria-labelledby="replicas-title" className="card">
        <h2 id="replicas-title">Replicas</h2>
        <p>{project.replicas.total} replica(s): {project.replicas.locations.map((l) => `${l.count} in ${l.name}`).join(', ')}</p>
      </section>

      <section aria-labelledby="binary-title" className="card">
        <h2 id="binary-title">Node binary</h2>
        <ErrorMessage error={binary.error} />
        {binary.data ? (
          <p data-testid="binary-current">Current binary: {binary.data.kind}, {formatBytes(binary.data.size)}, SHA-256 <code>{binary.data.sha256}</code></p>
        ) : binary.data === null ? <p>No binary uploaded yet.</p> : null}
        {canEdit ? (
          <>
            <label htmlFor="binary-file">Binary or archive to upload</label>
            <input id="binary-file" type="file" data-testid="binary-file" disabled={busy}
              onChange={(event) => { setFile(event.target.files?.[0]); setLocalHash(undefined); setServerHash(undefined); setStage('idle'); }} />
            <p className="hint">
              The SHA-256 is computed in this browser and sent as <code>X-Expected-SHA256</code>; the server recomputes it and
              refuses the upload if they differ. Files up to {formatBytes(SUBTLE_LIMIT)} are hashed by WebCrypto, larger ones in
              4 MiB chunks by an incremental SHA-256, so the file is never held in memory whole.
            </p>
            <div className="buttons">
              <button type="button" onClick={() => void send()} disabled={!file || busy} data-testid="upload-binary">Upload</button>
              {busy ? <button type="button" onClick={() => abort.current?.abort()}>Cancel</button> : null}
            </div>
            {busy ? (
              <div>
                <label htmlFor="upload-progress">{stage === 'hashing' ? 'Computing SHA-256' : 'Uploading'}</label>
                <progress id="upload-progress" data-testid="upload-progress" max={1} value={progress}>{Math.round(progress * 100)}%</progress>
                <span aria-live="polite"> {Math.round(progress * 100)}%</span>
              </div>
            ) : null}
            {localHash ? (
              <dl className="hashes" data-testid="hashes">
                <dt>SHA-256 computed here</dt><dd><code data-testid="local-hash">{localHash}</code></dd>
                <dt>SHA-256 computed by the server</dt>
                <dd>{shownServerHash && stage === 'done' ? <code data-testid="server-hash">{shownServerHash}</code> : 'not yet'}</dd>
              </dl>
            ) : null}
            {stage === 'done' && shownServerHash ? (
              <p role="status" className={shownServerHash === localHash ? 'ok' : 'error'} data-testid="hash-verdict">
                {shownServerHash === localHash ? 'The hashes match: the server stored exactly this file.' : 'The hashes differ.'}
              </p>
            ) : null}
            <ErrorMessage error={error} />
          </>
        ) : null}
      </section>

      <section aria-labelledby="deploy-title" className="card">
        <h2 id="deploy-title">Deployment</h2>
        <ErrorMessage error={deployment.error} />
        {deployment.data ? (
          <>
            <p data-testid="rollout-state">Rollout: <strong>{deployment.data.rollout.state}</strong>{deployment.data.rollout.detail ? ` — ${deployment.data.rollout.detail}` : ''}</p>
            <ReplicaTable deployment={deployment.data} />
          </>
        ) : deployment.data === null ? <p>Not deployed.</p> : null}
        {canEdit ? (
          <div className="buttons">
            <button type="button" onClick={() => void changeDeployment('POST')} disabled={!binary.data} data-testid="deploy">Deploy</button>
            {deployment.data ? <button type="button" className="secondary" onClick={() => void changeDeployment('DELETE')}>Stop all replicas</button> : null}
          </div>
        ) : null}
        <ErrorMessage error={deployError} />
        <p><Link to={`/projects/${project.id}/rules`}>Next: step 2, rules →</Link></p>
      </section>
    </div>
  );
}

export function ReplicaTable({ deployment }: { deployment: Deployment }) {
  return (
    <table data-testid="replicas-table">
      <caption className="visually-hidden">Replicas</caption>
      <thead><tr><th scope="col">Replica</th><th scope="col">Location</th><th scope="col">State</th><th scope="col">Restarts</th><th scope="col">RPC</th></tr></thead>
      <tbody>
        {deployment.replicas.map((replica) => (
          <tr key={replica.id} data-testid={`replica-${replica.id}`}>
            <th scope="row">{replica.id}</th>
            <td>{replica.location}</td>
            <td><span className={`state state-${replica.state.toLowerCase()}`}>{replica.state}</span></td>
            <td>{replica.restarts}{replica.lastExitCode != null ? ` (last exit ${replica.lastExitCode})` : ''}</td>
            <td>{replica.rpcUrl ? <code>{replica.rpcUrl}</code> : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${value.toFixed(1)} ${units[unit]}`;
}
