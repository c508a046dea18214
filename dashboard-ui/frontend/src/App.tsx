import { Component, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { SessionProvider } from './auth/session';
import { ActionsPage } from './pages/ActionsPage';
import { AlertingPage } from './pages/alerting/AlertingPage';
import { AuditPage } from './pages/AuditPage';
import { IncidentsPage } from './pages/IncidentsPage';
import { RequireAuth } from './pages/Layout';
import { LoginPage } from './pages/LoginPage';
import { NewProjectPage } from './pages/NewProjectPage';
import { OverviewPage } from './pages/OverviewPage';
import { ProjectNav } from './pages/ProjectNav';
import { ProjectsPage } from './pages/ProjectsPage';
import { ReportsPage } from './pages/ReportsPage';
import { RulesPage } from './pages/rules/RulesPage';
import { SetupPage } from './pages/SetupPage';

/** Every screen of the dashboard, behind the auth guard except the login page. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route index element={<ProjectsPage />} />
        <Route path="projects/new" element={<NewProjectPage />} />
        <Route path="projects/:projectId" element={<ProjectNav />}>
          <Route index element={<Navigate to="overview" replace />} />
          <Route path="overview" element={<OverviewPage />} />
          <Route path="setup" element={<SetupPage />} />
          <Route path="rules" element={<RulesPage />} />
          <Route path="alerting" element={<AlertingPage />} />
          <Route path="incidents" element={<IncidentsPage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route path="actions" element={<ActionsPage />} />
        </Route>
        <Route path="audit" element={<AuditPage />} />
        <Route path="*" element={<p role="alert">There is no page here. <a href="/">Go to the projects</a>.</p>} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <ErrorBoundary>
      <SessionProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </SessionProvider>
    </ErrorBoundary>
  );
}

/** A rendering failure shows words and a way out instead of a blank page. */
class ErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <main id="main" role="alert" className="error">
        <h1>Something went wrong in this page</h1>
        <p>{this.state.error.message}</p>
        <button type="button" onClick={() => window.location.reload()}>Reload</button>
      </main>
    );
  }
}
