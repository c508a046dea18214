import { createHash } from 'node:crypto';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInProject } from '../test/renderInProject';
import { fakeApi, json } from '../test/fakeApi';
import type { ProjectContext } from './ProjectNav';
import { SetupPage } from './SetupPage';

/** XMLHttpRequest stand-in: records what the page sends and lets the test play the server's part. */
class FakeXhr {
  static last: FakeXhr | undefined;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  responseText = '';
  withCredentials = false;
  upload: { onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  private responseHeaders: Record<string, string> = {};

  open(method: string, url: string) { this.method = method; this.url = url; }
  setRequestHeader(name: string, value: string) { this.headers[name] = value; }
  send(body: unknown) { this.body = body; FakeXhr.last = this; }
  abort() { this.onabort?.(); }
  getResponseHeader(name: string) { return this.responseHeaders[name] ?? null; }

  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.responseHeaders = { 'Content-Type': 'application/json' };
    this.onload?.();
  }
}

const context: ProjectContext = {
  project: { id: 'p1', name: 'anvil-demo', chainType: 'anvil', replicas: { total: 1, locations: [{ name: 'local', count: 1 }] }, revision: 1, createdAt: '', updatedAt: '' },
  teamId: 't1', canEdit: true, canApprove: true, reloadProject: () => undefined,
};

function renderSetup() {
  return renderInProject(<SetupPage />, context);
}

describe('step 1: the binary upload', () => {
  afterEach(() => { vi.unstubAllGlobals(); FakeXhr.last = undefined; });

  const content = 'a node binary, small enough for a test';
  const expected = createHash('sha256').update(content).digest('hex');

  async function chooseAndUpload() {
    fakeApi({
      'GET /api/t/t1/spawner/projects/p1/binary': () => json(404, { title: 'Not found', status: 404 }),
      'GET /api/t/t1/spawner/projects/p1/deployment': () => json(404, { title: 'Not found', status: 404 }),
    });
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    // The incremental SHA-256 runs here (jsdom's Blob and Node's WebCrypto do not mix); both paths are tested in sha256.test.ts.
    vi.stubGlobal('crypto', {});
    document.cookie = 'XSRF-TOKEN=tok';
    renderSetup();
    expect(await screen.findByText('No binary uploaded yet.')).toBeInTheDocument();
    await userEvent.upload(screen.getByLabelText('Binary or archive to upload'), new File([content], 'anvil', { type: 'application/octet-stream' }));
    await userEvent.click(screen.getByTestId('upload-binary'));
    await vi.waitFor(() => expect(FakeXhr.last).toBeDefined());
    return FakeXhr.last!;
  }

  it('sends the SHA-256 computed in the browser and shows it against the server\'s', async () => {
    const xhr = await chooseAndUpload();
    expect(xhr.method).toBe('PUT');
    expect(xhr.url).toBe('/api/t/t1/spawner/projects/p1/binary');
    expect(xhr.headers['X-Expected-SHA256']).toBe(expected);
    expect(xhr.headers['X-XSRF-TOKEN']).toBe('tok');
    act(() => xhr.upload.onprogress?.({ loaded: 10, total: 20, lengthComputable: true }));
    await waitFor(() => expect(screen.getByTestId('upload-progress')).toHaveAttribute('value', '0.5'));
    act(() => xhr.respond(200, { sha256: expected, size: content.length, kind: 'executable' }));
    expect(await screen.findByTestId('server-hash')).toHaveTextContent(expected);
    expect(screen.getByTestId('local-hash')).toHaveTextContent(expected);
    expect(screen.getByTestId('hash-verdict')).toHaveTextContent('The hashes match');
  });

  it('shows the server\'s refusal in words', async () => {
    const xhr = await chooseAndUpload();
    act(() => xhr.respond(422, { type: 'urn:chain-monitor:problem:binary-hash-mismatch', title: 'Binary hash mismatch', status: 422, detail: `expected ${expected}, received 00ff` }));
    expect(await screen.findByRole('alert')).toHaveTextContent(`Binary hash mismatch: expected ${expected}, received 00ff`);
    expect(screen.queryByTestId('hash-verdict')).toBeNull();
  });
});
