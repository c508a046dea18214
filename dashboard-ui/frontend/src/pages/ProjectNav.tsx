import { NavLink, Outlet, useParams } from 'react-router';
import { api, serviceUrl } from '../api/client';
import type { Project } from '../api/types';
import { useTeam } from '../auth/session';
import { ErrorMessage } from '../components/ErrorMessage';
import { useApi } from '../components/useApi';

export interface ProjectContext {
  project: Project;
  teamId: string;
  canEdit: boolean;
  canApprove: boolean;
  reloadProject: () => void;
}

const TABS: [string, string][] = [
  ['overview', 'Overview'], ['setup', '1 Project'], ['rules', '2 Rules'], ['alerting', '3 Alerting & actions'],
  ['incidents', 'Incidents'], ['reports', 'Reports'], ['actions', 'Actions'],
];

/** A project's pages: loads the project once and gives it to the tab below. */
export function ProjectNav() {
  const { projectId } = useParams();
  const team = useTeam()!;
  const project = useApi(`${team.teamId}/${projectId}`,
    (signal) => api.get<Project>(serviceUrl(team.teamId, 'spawner', `projects/${projectId}`), { signal }));
  if (project.error) return <ErrorMessage error={project.error} onRetry={project.reload} />;
  if (!project.data) return <p role="status">Loading project…</p>;
  const context: ProjectContext = {
    project: project.data,
    teamId: team.teamId,
    canEdit: team.role === 'owner' || team.role === 'editor',
    canApprove: team.role === 'owner' || team.role === 'approver',
    reloadProject: project.reload,
  };
  return (
    <>
      <h1 className="project-title">{project.data.name} <small>{project.data.chainType}</small></h1>
      <nav aria-label="Project" className="tabs">
        {TABS.map(([path, label]) => <NavLink key={path} to={`/projects/${projectId}/${path}`} data-testid={`tab-${path}`}>{label}</NavLink>)}
      </nav>
      <Outlet context={context} />
    </>
  );
}
