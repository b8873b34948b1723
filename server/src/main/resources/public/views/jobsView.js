// "Training processes": the caller's jobs, newest first, refreshed while the tab is open, with stop and
// delete (both confirmed) and one job opened in detail. The opened job is remembered, so a reload reattaches.
import { api } from '../services/apiClient.js';
import { t } from '../services/i18n.js';
import { h, replace } from '../components/dom.js';
import { showToast } from '../components/toast.js';
import { JobDetail } from './jobDetail.js';

const REFRESH_MS = 3000;
const SELECTED_KEY = 'minimind.selectedJob';

export class JobsView {
  constructor() {
    this.jobs = null;
    this.error = '';
    this.timer = null;
    this.detail = null;
    this.selected = localStorage.getItem(SELECTED_KEY);
    this.autoSelect = true;
    this.listBox = h('div', { class: 'jobs-list', id: 'jobs-list' });
    this.refreshButton = h('button', { type: 'button', class: 'small', id: 'refresh-jobs',
      onclick: () => this.refresh() });
    this.detailBox = h('div', { id: 'job-detail-box' });
    this.element = h('section', { class: 'jobs' },
      h('div', { class: 'list-head' }, this.refreshButton), this.listBox, this.detailBox);
  }

  show() {
    this.refresh();
  }

  hide() {
    clearTimeout(this.timer);
    this.timer = null;
  }

  focusJob(id) {
    this.select(id);
  }

  async refresh() {
    clearTimeout(this.timer);
    try {
      this.jobs = await api.processes();
      this.error = '';
    } catch (e) {
      if (e.status === 401) return;
      this.error = e.message;
    }
    if (this.jobs && !this.jobs.some((j) => j.id === this.selected)) {
      // A remembered job that is gone (deleted, or another client's) gives way to the newest running one.
      this.selected = this.autoSelect ? this.jobs.find((j) => j.state === 'running')?.id ?? null : null;
    }
    this.syncDetail();
    this.render();
    if (this.element.isConnected) this.timer = setTimeout(() => this.refresh(), REFRESH_MS);
  }

  render() {
    this.refreshButton.textContent = t('jobs.refresh');
    const focusedId = document.activeElement?.id;
    replace(this.listBox, this.error ? h('p', { class: 'notice error', role: 'alert', text: this.error }) : null,
      this.jobs && !this.jobs.length ? h('p', { class: 'hint', text: t('jobs.empty') }) : null,
      this.jobs?.length ? this.table() : null);
    const refocus = focusedId && document.getElementById(focusedId);
    if (refocus && this.listBox.contains(refocus)) refocus.focus();
    this.detail?.render();
  }

  table() {
    const head = ['jobs.id', 'jobs.type', 'jobs.state', 'jobs.start', 'jobs.end', 'jobs.actions'];
    return h('table', { class: 'table', id: 'jobs-table' },
      h('thead', {}, h('tr', {}, head.map((key) => h('th', { scope: 'col', text: t(key) })))),
      h('tbody', {}, this.jobs.map((job) => this.row(job))));
  }

  row(job) {
    const active = ['running', 'queued'].includes(job.state);
    return h('tr', { class: job.id === this.selected ? 'selected' : '', 'data-job-id': job.id },
      h('td', { 'data-label': t('jobs.id'), class: 'mono', text: job.id }),
      h('td', { 'data-label': t('jobs.type'), text: job.train_type }),
      h('td', { 'data-label': t('jobs.state') }, stateChip(job.state)),
      h('td', { 'data-label': t('jobs.start'), text: job.start_time ?? '' }),
      h('td', { 'data-label': t('jobs.end'), text: localTime(job.end_time) }),
      h('td', { 'data-label': t('jobs.actions'), class: 'actions' },
        h('button', { type: 'button', class: 'small', id: `show-${job.id}`, text: t('jobs.show'),
          'aria-pressed': String(job.id === this.selected), onclick: () => this.select(job.id) }),
        active ? h('button', { type: 'button', class: 'small', id: `stop-${job.id}`, text: t('jobs.stop'),
          onclick: () => this.stop(job.id) }) : null,
        h('button', { type: 'button', class: 'small danger', id: `delete-${job.id}`, text: t('jobs.delete'),
          onclick: () => this.remove(job.id) })));
  }

  select(id) {
    this.selected = id;
    localStorage.setItem(SELECTED_KEY, id);
    this.syncDetail();
    this.render();
    this.refresh();
  }

  /** Opens, updates or closes the detail panel to match the selection and the latest list. */
  syncDetail() {
    const job = this.jobs?.find((j) => j.id === this.selected);
    if (this.detail && (!job || this.detail.job.id !== job.id)) {
      this.detail.destroy();
      this.detail = null;
      replace(this.detailBox);
    }
    if (job && !this.detail) {
      this.detail = new JobDetail(job, { onClose: () => this.closeDetail() });
      replace(this.detailBox, this.detail.element);
    } else if (job) {
      this.detail.update(job);
    }
  }

  closeDetail() {
    this.selected = null;
    this.autoSelect = false;
    localStorage.removeItem(SELECTED_KEY);
    this.syncDetail();
    this.render();
  }

  async stop(id) {
    if (!window.confirm(t('jobs.stop.confirm', { id }))) return;
    await this.act(() => api.stop(id), t('jobs.stopped', { id }));
  }

  async remove(id) {
    if (!window.confirm(t('jobs.delete.confirm', { id }))) return;
    await this.act(() => api.remove(id), t('jobs.deleted', { id }));
  }

  async act(action, done) {
    try {
      await action();
      showToast(done);
    } catch (e) {
      if (e.status !== 401) showToast(e.message, 'error');
    }
    this.refresh();
  }

  destroy() {
    this.hide();
    this.detail?.destroy();
  }
}

function stateChip(state) {
  return h('span', { class: `chip state-${state}`, 'data-state': state, text: t(`state.${state}`) });
}

/** end_time is ISO-8601 with offset; shown like start_time, as local YYYY-MM-DD HH:MM:SS. */
function localTime(iso) {
  const d = iso ? new Date(iso) : null;
  if (!d || Number.isNaN(d.getTime())) return iso ?? '';
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
