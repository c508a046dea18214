import { Link } from 'react-router';
import { api, serviceUrl } from '../api/client';
import type { Project } from '../api/types';
import { useTeam } from '../auth/session';
import { ErrorMessage } from '../components/ErrorMessage';
import { useApi } from '../components/useApi';

/** The team's projects, each with the way into its steps and overview. */
export function ProjectsPage() {
  const team = useTeam()!;
  const projects = useApi(team.teamId, (signal) => api.get<Project[]>(serviceUrl(team.teamId, 'spawner', 'projects'), { signal }));
  const canEdit = team.role !== 'viewer';
  return (
    <section aria-labelledby="projects-title">
      <div className="title-row">
        <h1 id="projects-title">Projects</h1>
        {canEdit ? <Link className="button" to="/projects/new" data-testid="new-project">New project</Link> : null}
      </div>
      <ErrorMessage error={projects.error} onRetry={projects.reload} />
      {projects.loading && !projects.data ? <p role="status">Loading projects…</p> : null}
      {projects.data && projects.data.length === 0 ? <p>No projects yet. Create one to start watching a chain.</p> : null}
      {projects.data && projects.data.length > 0 ? (
        <table data-testid="projects-table">
          <caption className="visually-hidden">Projects of the team</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Chain type</th><th scope="col">Replicas</th><th scope="col">Binary</th><th scope="col">Open</th></tr></thead>
          <tbody>
            {projects.data.map((project) => (
              <tr key={project.id}>
                <th scope="row"><Link to={`/projects/${project.id}/overview`}>{project.name}</Link></th>
                <td>{project.chainType}</td>
                <td>{project.replicas.total}</td>
                <td>{project.binarySha256 ? <code title={project.binarySha256}>{project.binarySha256.slice(0, 12)}…</code> : 'none yet'}</td>
                <td className="links">
                  <Link to={`/projects/${project.id}/setup`}>1 Project</Link>
                  <Link to={`/projects/${project.id}/rules`}>2 Rules</Link>
                  <Link to={`/projects/${project.id}/alerting`}>3 Alerting</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
