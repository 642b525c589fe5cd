// The console's HTTP API (org.echarge.web, see its README): login, session, password, logout,
// status. Paths are relative to the page (/echarge/), cookies go along, state-changing calls carry
// the session's CSRF token (kept in memory only). Errors are {error: code, message: text}.

export class HttpError extends Error {
  constructor(status, body, retryAfter) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.error ?? null;
    this.retryAfter = retryAfter;
  }
}

let csrfToken = null;

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { message: text.trim().slice(0, 200) };
  }
  if (!response.ok) {
    throw new HttpError(response.status, data, response.headers.get('Retry-After'));
  }
  return data;
}

/** {user, mustChangePassword, csrfToken}; HttpError 401 when not logged in. */
export async function session() {
  const current = await call('GET', 'api/session');
  csrfToken = current.csrfToken;
  return current;
}

export const login = (user, password) => call('POST', 'api/login', { user, password });

/** Answers the new session (new cookie, new CSRF token): call session() again afterwards. */
export const changePassword = (oldPassword, newPassword) => call('POST', 'api/password', { oldPassword, newPassword });

export async function logout() {
  try {
    await call('POST', 'api/logout');
  } finally {
    csrfToken = null;
  }
}

/** The same document as the status events (a superset of it), for when the stream is refused. */
export const status = () => call('GET', 'api/status');
