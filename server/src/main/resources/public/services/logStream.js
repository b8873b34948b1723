// Follows GET /api/processes/<id>/logs/stream with fetch() (EventSource cannot send the bearer key).
// Event ids are byte offsets: after a dropped connection it reconnects with Last-Event-ID and resumes
// exactly where it stopped. The first connection asks only for the log's tail, so a reload of a page on a
// huge log does not replay gigabytes.
import { send } from './apiClient.js';

const TAIL_BYTES = 256 * 1024;
const MAX_BACKOFF_MS = 10000;

export class LogStream {
  /** handlers: onText(text), onEnd(), onState('open' | 'reconnecting' | 'ended' | 'gone') */
  constructor(processId, handlers) {
    this.processId = processId;
    this.handlers = handlers;
    this.lastId = null;
    this.stopped = false;
    this.backoff = 500;
    this.controller = null;
    this.retryTimer = null;
  }

  start() {
    this.connect();
    return this;
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.controller?.abort();
  }

  async connect() {
    if (this.stopped) return;
    this.controller = new AbortController();
    const headers = { Accept: 'text/event-stream' };
    let path = `/api/processes/${encodeURIComponent(this.processId)}/logs/stream`;
    if (this.lastId !== null) headers['Last-Event-ID'] = this.lastId;
    else path += `?tail=${TAIL_BYTES}`;
    try {
      const response = await send('GET', path, { headers, signal: this.controller.signal });
      this.handlers.onState?.('open');
      this.backoff = 500;
      if (await this.read(response.body)) return;
    } catch (e) {
      if (this.stopped || e.name === 'AbortError') return;
      if (e.status === 401 || e.status === 404 || e.status === 400) {
        this.handlers.onState?.('gone');
        return;
      }
    }
    this.retry();
  }

  retry() {
    if (this.stopped) return;
    this.handlers.onState?.('reconnecting');
    this.retryTimer = setTimeout(() => this.connect(), this.backoff);
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
  }

  /** Reads events until the stream closes; true when it ended with an `end` event. */
  async read(body) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let boundary;
      while ((boundary = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        if (this.dispatch(parseEvent(block))) {
          this.stop();
          return true;
        }
      }
    }
  }

  dispatch(event) {
    if (event.id !== null) this.lastId = event.id;
    if (event.name === 'log') this.handlers.onText(JSON.parse(event.data).text);
    if (event.name === 'end') {
      this.handlers.onState?.('ended');
      this.handlers.onEnd?.();
      return true;
    }
    return false;
  }
}

function parseEvent(block) {
  const event = { name: 'message', data: '', id: null };
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event.name = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') event.id = value;
  }
  event.data = data.join('\n');
  return event;
}
