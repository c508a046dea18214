import { ApiError, readProblem } from './problem';

/** The answer of a call: the parsed body and the headers that matter (ETag, Location). */
export interface ApiResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

export interface RequestOptions {
  body?: unknown;
  /** A raw body (YAML text, a file) sent as it is, with `contentType`. */
  rawBody?: BodyInit;
  contentType?: string;
  accept?: string;
  ifMatch?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Called on every 401 of a call other than the sign-in itself: the app sends the user to the login page. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** The CSRF token Spring Security's cookie repository left readable for scripts. */
export function csrfToken(cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'XSRF-TOKEN') return decodeURIComponent(value.join('='));
  }
  return undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The headers every call sends: the CSRF header on any changing method. */
export function baseHeaders(method: string, options: RequestOptions = {}): Record<string, string> {
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json', ...options.headers };
  if (!SAFE_METHODS.has(method.toUpperCase())) {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  return headers;
}

/** One call to the dashboard's API; a non-2xx answer throws an {@link ApiError} with the problem. */
export async function request<T>(method: string, url: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers = baseHeaders(method, options);
  let body: BodyInit | undefined;
  if (options.rawBody !== undefined) {
    body = options.rawBody;
    if (options.contentType) headers['Content-Type'] = options.contentType;
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = options.contentType ?? 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { status: 0 });
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && url !== SESSION_URL) unauthorizedListeners.forEach((listener) => listener());
    throw new ApiError(response.status, problem, response.headers);
  }
  return { status: response.status, data: await readBody<T>(response), headers: response.headers };
}

async function readBody<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  return (type.includes('json') ? JSON.parse(text) : text) as T;
}

export const SESSION_URL = '/api/session';

/** The BFF path of a service's API for a team: `/api/t/{team}/{service}/{rest}`. */
export function serviceUrl(teamId: string, service: Service, path: string, query?: Record<string, string | number | undefined>): string {
  const rest = path.replace(/^\/+/, '');
  const url = `/api/t/${encodeURIComponent(teamId)}/${service}/${rest}`;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

export type Service = 'spawner' | 'chain-watcher' | 'wire-listener' | 'health' | 'reporter' | 'alerts' | 'action';

export const api = {
  get: <T>(url: string, options?: RequestOptions) => request<T>('GET', url, options).then((r) => r.data),
  post: <T>(url: string, body?: unknown, options?: RequestOptions) => request<T>('POST', url, { ...options, body }).then((r) => r.data),
  put: <T>(url: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', url, { ...options, body }).then((r) => r.data),
  del: (url: string, options?: RequestOptions) => request<void>('DELETE', url, options).then(() => undefined),
};

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Uploads a file with XMLHttpRequest, which (unlike fetch) reports upload progress.
 * Rejects with an {@link ApiError} carrying the server's problem.
 */
export function upload<T>(method: string, url: string, file: Blob, headers: Record<string, string>,
  onProgress: (progress: UploadProgress) => void, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries({ ...baseHeaders(method), ...headers })) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onerror = () => reject(new ApiError(0, { status: 0 }));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    xhr.onload = () => {
      const responseHeaders = new Headers();
      const contentType = xhr.getResponseHeader('Content-Type');
      if (contentType) responseHeaders.set('Content-Type', contentType);
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers: responseHeaders });
      if (xhr.status >= 200 && xhr.status < 300) {
        readBody<T>(response).then(resolve, reject);
      } else {
        if (xhr.status === 401) unauthorizedListeners.forEach((listener) => listener());
        readProblem(response).then((problem) => reject(new ApiError(xhr.status, problem, responseHeaders)), reject);
      }
    };
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.send(file);
  });
}
