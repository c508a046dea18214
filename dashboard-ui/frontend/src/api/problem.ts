/** An RFC 9457 problem as the dashboard and the services answer it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: ProblemFieldError[];
  /** Members some services add: the rules API names the place of an error. */
  pointer?: string;
  key?: string;
  line?: number;
  column?: number;
  ruleId?: string;
  reason?: string;
  [member: string]: unknown;
}

export interface ProblemFieldError {
  field?: string;
  pointer?: string;
  parameter?: string;
  message?: string;
}

/** The last path segment of a problem type, e.g. `bad-credentials` for `urn:…:problem:bad-credentials`. */
export function problemCode(problem: Problem | undefined): string | undefined {
  const type = problem?.type;
  if (!type || type === 'about:blank') return undefined;
  const cut = Math.max(type.lastIndexOf('/'), type.lastIndexOf(':'));
  return type.substring(cut + 1) || undefined;
}

/** An error the API answered, carrying its problem (or one made from the status when the body was not a problem). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly headers: Headers;

  constructor(status: number, problem: Problem, headers: Headers = new Headers()) {
    super(describeProblem(problem, status));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.headers = headers;
  }

  get code(): string | undefined {
    return problemCode(this.problem);
  }
}

const STATUS_WORDS: Record<number, string> = {
  400: 'The request was not accepted',
  401: 'You are not signed in',
  403: 'You are not allowed to do this',
  404: 'Not found',
  409: 'This conflicts with the current state',
  412: 'Somebody else changed this in the meantime; reload and try again',
  413: 'The upload is too large',
  415: 'The server does not take this kind of content',
  422: 'The request could not be carried out',
  429: 'Too many attempts; wait a moment',
  500: 'The server failed',
  502: 'A service behind the dashboard did not answer',
  503: 'A service is not available right now',
  504: 'A service did not answer in time',
};

/** One sentence for people: the problem's title and detail, else words for the status. */
export function describeProblem(problem: Problem | undefined, status?: number): string {
  const title = problem?.title?.trim();
  const detail = problem?.detail?.trim();
  if (title && detail && !detail.startsWith(title)) return `${title}: ${detail}`;
  if (detail) return detail;
  if (title) return title;
  const code = status ?? problem?.status;
  if (code === 0 || code === undefined) return 'The dashboard could not be reached. Check the connection and try again.';
  return STATUS_WORDS[code] ?? `The request failed (HTTP ${code})`;
}

/** Reads a response body as a problem; a body that is not JSON becomes a problem with its status only. */
export async function readProblem(response: Response): Promise<Problem> {
  const text = await response.text().catch(() => '');
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return { status: response.status, ...(parsed as Problem) };
      }
    } catch {
      // Not JSON (e.g. a proxy's HTML error page): fall back to words for the status.
    }
  }
  return { status: response.status };
}

/**
 * The problem's errors keyed by the form field they belong to: `errors[].field`, `errors[].pointer`
 * (`/rules/3/over` → `over`, `/over` → `over`) or the problem's own `pointer`/`key`.
 */
export function fieldErrors(problem: Problem | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (!problem) return result;
  for (const error of problem.errors ?? []) {
    const name = error.field ?? fieldOfPointer(error.pointer) ?? error.parameter;
    if (name && !result[name]) result[name] = error.message ?? describeProblem(problem);
  }
  const own = fieldOfPointer(problem.pointer) ?? lastKey(problem.key);
  if (own && !result[own]) result[own] = problem.detail ?? describeProblem(problem);
  return result;
}

function fieldOfPointer(pointer: string | undefined): string | undefined {
  if (!pointer) return undefined;
  const parts = pointer.split('/').filter((part) => part !== '');
  const last = parts[parts.length - 1];
  return last?.replace(/~1/g, '/').replace(/~0/g, '~');
}

function lastKey(key: string | undefined): string | undefined {
  if (!key) return undefined;
  const parts = key.split('.');
  return parts[parts.length - 1]?.replace(/\[\d+]$/, '');
}
