// The one door to the server: every request carries `Authorization: Bearer <key>`, every error becomes an
// ApiError with the server's message, and a 401 anywhere sends the page back to the key screen.

const KEY_STORAGE = 'minimind.apiKey';
let unauthorizedHandler = () => {};

/** An HTTP error with the server's JSON body decoded: status, machine code, message, and the field it names. */
export class ApiError extends Error {
  constructor(status, body, fallback) {
    super((body && body.error) || fallback || `HTTP ${status}`);
    this.status = status;
    this.code = body && body.code;
    this.field = body && body.field;
  }
}

export function getKey() {
  return localStorage.getItem(KEY_STORAGE);
}

export function setKey(key) {
  localStorage.setItem(KEY_STORAGE, key.trim());
}

export function clearKey() {
  localStorage.removeItem(KEY_STORAGE);
}

/** `fn(error)` runs on any 401; the app shows the key screen with the error's message. */
export function onUnauthorized(fn) {
  unauthorizedHandler = fn;
}

/** Headers for a request: the bearer key plus `extra`. */
export function authHeaders(extra = {}) {
  const key = getKey();
  return key ? { ...extra, Authorization: `Bearer ${key}` } : { ...extra };
}

/**
 * fetch() with the key. Returns the Response for 2xx; throws ApiError otherwise (after calling the 401 handler
 * for a 401). Network failures throw ApiError with status 0.
 */
export async function send(method, path, { body, headers = {}, signal, anonymous = false } = {}) {
  const init = { method, headers: anonymous ? { ...headers } : authHeaders(headers), signal };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, null, e.message);
  }
  if (response.ok) return response;
  const error = new ApiError(response.status, await errorBody(response), response.statusText);
  if (response.status === 401) unauthorizedHandler(error);
  throw error;
}

async function errorBody(response) {
  const text = await response.text().catch(() => '');
  try {
    return JSON.parse(text);
  } catch {
    return { error: text.trim() || null };
  }
}

/** JSON request returning the decoded JSON answer. */
export async function json(method, path, body, options = {}) {
  const response = await send(method, path, { body, ...options });
  return response.status === 204 ? null : response.json();
}

/** GET returning plain text. */
export async function text(path) {
  return (await send('GET', path)).text();
}

export const api = {
  // Open route: sent without a key, so a stale stored key cannot make registering fail.
  register: (name, email) => json('POST', '/api/register', { name, email }, { anonymous: true }),
  me: () => json('GET', '/api/me'),
  trainTypes: () => json('GET', '/api/train-types'),
  train: (params) => json('POST', '/train', params),
  preview: (params) => json('POST', '/api/train/preview', params),
  processes: () => json('GET', '/processes'),
  processLog: (id, lines) => text(`/logs/${encodeURIComponent(id)}?lines=${lines}`),
  stop: (id) => json('POST', `/stop/${encodeURIComponent(id)}`),
  remove: (id) => json('POST', `/delete/${encodeURIComponent(id)}`),
  metrics: (id, cursor) => json('GET', `/api/processes/${encodeURIComponent(id)}/metrics?cursor=${cursor}`),
  logFiles: () => json('GET', '/logfiles'),
  logFileContent: (name) => text(`/logfile-content/${encodeURIComponent(name)}`),
  logFileBlob: async (name) => (await send('GET', `/logfile-content/${encodeURIComponent(name)}`)).blob(),
  deleteLogFile: (name) => json('DELETE', `/delete-logfile/${encodeURIComponent(name)}`),
};
