import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, serviceUrl } from '../api/client';
import { ApiError, fieldErrors } from '../api/problem';
import type { ChainType, Location, Project } from '../api/types';
import { useTeam } from '../auth/session';
import { ErrorMessage } from '../components/ErrorMessage';
import { useApi } from '../components/useApi';

/** Step 1, first half: chain type, name, replicas and where they run. The binary comes on the next page. */
export function NewProjectPage() {
  const team = useTeam()!;
  const navigate = useNavigate();
  const chainTypes = useApi(team.teamId, (signal) => api.get<ChainType[]>(serviceUrl(team.teamId, 'spawner', 'chain-types'), { signal }));
  const locations = useApi(team.teamId, (signal) => api.get<Location[]>(serviceUrl(team.teamId, 'spawner', 'locations'), { signal }));
  const [name, setName] = useState('');
  const [chainType, setChainType] = useState('');
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const locationList = locations.data ?? [];
  // One replica in the first location until the user says otherwise.
  const effective = Object.keys(counts).length ? counts : locationList[0] ? { [locationList[0].name]: 1 } : {};
  const total = Object.values(effective).reduce((sum, count) => sum + count, 0);
  const errors = error instanceof ApiError ? fieldErrors(error.problem) : {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const project = await api.post<Project>(serviceUrl(team.teamId, 'spawner', 'projects'), {
        name,
        chainType,
        replicas: { total, locations: Object.entries(effective).filter(([, count]) => count > 0).map(([location, count]) => ({ name: location, count })) },
      });
      navigate(`/projects/${project.id}/setup`);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="new-project-title">
      <h1 id="new-project-title">New project — step 1 of 3</h1>
      <ErrorMessage error={chainTypes.error ?? locations.error} />
      <form onSubmit={submit} className="form" data-testid="new-project-form">
        <label htmlFor="project-chain-type">Chain type</label>
        <select id="project-chain-type" required value={chainType} onChange={(event) => setChainType(event.target.value)}
          aria-invalid={Boolean(errors.chainType)} aria-describedby={errors.chainType ? 'chain-type-error' : undefined}>
          <option value="">Choose a chain type</option>
          {(chainTypes.data ?? []).map((type) => (
            <option key={type.id} value={type.id}>{type.id} — {type.family}, {type.consensus.toUpperCase()}</option>
          ))}
        </select>
        {errors.chainType ? <p id="chain-type-error" className="field-error">{errors.chainType}</p> : null}

        <label htmlFor="project-name">Name</label>
        <input id="project-name" required maxLength={100} value={name} onChange={(event) => setName(event.target.value)}
          aria-invalid={Boolean(errors.name)} aria-describedby={errors.name ? 'name-error' : undefined} />
        {errors.name ? <p id="name-error" className="field-error">{errors.name}</p> : null}

        <fieldset>
          <legend>Replicas per location (total {total})</legend>
          {locationList.map((location) => (
            <div key={location.name} className="inline">
              <label htmlFor={`count-${location.name}`}>{location.name} <small>({location.runtime})</small></label>
              <input id={`count-${location.name}`} type="number" min={0} max={32} value={effective[location.name] ?? 0}
                onChange={(event) => setCounts({ ...effective, [location.name]: Math.max(0, Number(event.target.value)) })} />
            </div>
          ))}
          {errors.replicas || errors.total ? <p className="field-error">{errors.replicas ?? errors.total}</p> : null}
        </fieldset>
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy || total < 1} data-testid="create-project">{busy ? 'Creating…' : 'Create project'}</button>
      </form>
    </section>
  );
}
