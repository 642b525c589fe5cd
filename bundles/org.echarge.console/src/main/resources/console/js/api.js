// The console's HTTP API (org.echarge.web and the bundles behind /echarge/api, see their READMEs).
// Paths are relative to the page (/echarge/), cookies go along, state-changing calls carry the
// session's CSRF token (kept in memory only). Errors are {error: code, message: text}.

export class HttpError extends Error {
  constructor(status, body, retryAfter) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.error ?? null;
    this.body = body;
    this.retryAfter = retryAfter;
  }

  /**
   * The service behind the path is not installed or not running: 503, or a 404 that no servlet
   * claimed (StatusServlet's `not-found`, or an answer without our JSON). Pages show "not
   * available" for these instead of an error; a 404 with its own code (`unknown-point`) is an error.
   */
  get unavailable() {
    return this.status === 503 || (this.status === 404 && (this.code === null || this.code === 'not-found'));
  }
}

let csrfToken = null;

function parse(status, text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return status >= 400 ? { message: text.trim().slice(0, 200) } : text;
  }
}

function headers(method, contentType) {
  const all = { Accept: 'application/json' };
  if (contentType) {
    all['Content-Type'] = contentType;
  }
  if (method !== 'GET' && csrfToken) {
    all['X-CSRF-Token'] = csrfToken;
  }
  return all;
}

async function request(method, path, body, contentType) {
  const response = await fetch(path, {
    method,
    headers: headers(method, contentType),
    credentials: 'same-origin',
    cache: 'no-store',
    body,
  });
  const data = parse(response.status, await response.text());
  if (!response.ok) {
    throw new HttpError(response.status, data, response.headers.get('Retry-After'));
  }
  return data;
}

/** A JSON call: body (if any) sent as JSON, the answer parsed (null when empty). */
export const call = (method, path, body) => request(method, path,
  body === undefined ? undefined : JSON.stringify(body), body === undefined ? undefined : 'application/json');

export const get = (path) => call('GET', path);

/** Sends a file's bytes as they are (import of a configuration document). */
export const sendFile = (path, file, contentType) => request('POST', path, file, contentType);

/**
 * Uploads a file with progress: fetch reports no upload progress, XMLHttpRequest does
 * (upload.onprogress). onProgress(loaded, total) while sending; resolves with the parsed answer,
 * rejects with an HttpError (status 0 when the connection failed).
 */
export function upload(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    for (const [name, value] of Object.entries(headers('POST', 'application/octet-stream'))) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded, event.total);
      }
    });
    xhr.addEventListener('load', () => {
      const data = parse(xhr.status, xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data);
      } else {
        reject(new HttpError(xhr.status, data, xhr.getResponseHeader('Retry-After')));
      }
    });
    xhr.addEventListener('error', () => reject(new HttpError(0, null, null)));
    xhr.send(file);
  });
}

/**
 * Downloads a file answer (logs, export, CSV): fetched first so that a missing service or an
 * error is shown in the page rather than as a broken download, then saved under the name of its
 * Content-Disposition. Returns that name.
 */
export async function download(path, fallbackName) {
  const response = await fetch(path, { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) {
    throw new HttpError(response.status, parse(response.status, await response.text()),
      response.headers.get('Retry-After'));
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return name;
}

/** {user, mustChangePassword, csrfToken}; HttpError 401 when not logged in. */
export async function session() {
  const current = await get('api/session');
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
export const status = () => get('api/status');
