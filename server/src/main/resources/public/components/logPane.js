// A live log view that keeps up with a fast-writing job: lines are queued and added once per animation
// frame in one fragment, only the newest MAX_LINES are kept, and auto-scroll pauses as soon as the user
// scrolls up (or presses the pause button) and resumes on request.
import { t } from '../services/i18n.js';
import { h } from './dom.js';

export const MAX_LINES = 2000;

export class LogPane {
  constructor(id) {
    this.follow = true;
    this.pending = [];
    this.partial = '';
    this.frame = null;
    this.status = h('span', { class: 'hint log-status', role: 'status' });
    this.toggle = h('button', { type: 'button', class: 'small', id: `${id}-follow`,
      onclick: () => this.setFollow(!this.follow) });
    this.lines = h('div', { class: 'log mono', id, role: 'log', tabindex: '0', 'aria-live': 'off' });
    this.lines.addEventListener('scroll', () => this.onScroll());
    this.title = h('h3', {});
    this.element = h('div', { class: 'log-pane' },
      h('div', { class: 'log-toolbar' }, this.title, this.status, this.toggle), this.lines);
    this.render();
  }

  render() {
    this.title.textContent = t('detail.log');
    this.toggle.textContent = this.follow ? t('detail.pause') : t('detail.resume');
    this.toggle.setAttribute('aria-pressed', String(!this.follow));
  }

  setStatus(text) {
    this.status.textContent = text;
  }

  /** Adds text (whole lines from the stream; a trailing piece without newline waits for the rest). */
  append(text) {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop();
    this.pending.push(...parts);
    if (this.pending.length > MAX_LINES) this.pending.splice(0, this.pending.length - MAX_LINES);
    if (this.frame === null) this.frame = requestAnimationFrame(() => this.flush());
  }

  /** The stream ended: whatever waits without a newline is a line too. */
  finish() {
    if (this.partial) this.append('\n');
  }

  flush() {
    this.frame = null;
    const fragment = document.createDocumentFragment();
    for (const line of this.pending) fragment.append(h('div', { class: 'line', text: line }));
    this.pending = [];
    this.lines.append(fragment);
    const excess = this.lines.childElementCount - MAX_LINES;
    for (let i = 0; i < excess; i++) this.lines.firstElementChild.remove();
    if (this.follow) this.scrollToEnd();
  }

  scrollToEnd() {
    this.lines.scrollTop = this.lines.scrollHeight;
  }

  onScroll() {
    const atEnd = this.lines.scrollHeight - this.lines.scrollTop - this.lines.clientHeight < 8;
    if (this.follow !== atEnd) this.setFollow(atEnd);
  }

  setFollow(follow) {
    this.follow = follow;
    if (follow) this.scrollToEnd();
    this.render();
  }

  destroy() {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
  }
}
