import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router';
import type { ProjectContext } from '../pages/ProjectNav';

/** Renders a project tab as ProjectNav would: below a route that hands it the project context. */
export function renderInProject(page: ReactElement, context: ProjectContext) {
  return render(
    <MemoryRouter initialEntries={['/tab']}>
      <Routes>
        <Route element={<Outlet context={context} />}>
          <Route path="/tab" element={page} />
        </Route>
      </Routes>
    </MemoryRouter>,
  );
}
