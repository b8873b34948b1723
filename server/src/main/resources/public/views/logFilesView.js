// "Log files": the caller's log files (name, time, size) with view, download and delete (confirmed).
// Deleting the log of a running job is refused by the server (409); its message is shown as is.
import { api } from '../services/apiClient.js';
import { t } from '../services/i18n.js';
import { formatBytes, h, replace } from '../components/dom.js';
import { showToast } from '../components/toast.js';

export class LogFilesView {
  constructor() {
    this.files = null;
    this.error = '';
    this.viewing = null; // { name, text }
    this.actionError = '';
    this.element = h('section', { class: 'logfiles' });
  }

  show() {
    this.refresh();
  }

  async refresh() {
    try {
      this.files = await api.logFiles();
      this.error = '';
      // A file deleted meanwhile (with its job, from the jobs tab) is no longer shown in the viewer either.
      if (this.viewing && !this.files.some((f) => f.filename === this.viewing.name)) this.viewing = null;
    } catch (e) {
      if (e.status === 401) return;
      this.error = e.message;
    }
    this.render();
  }

  render() {
    replace(this.element,
      h('div', { class: 'list-head' },
        h('button', { type: 'button', class: 'small', id: 'refresh-logs', onclick: () => this.refresh(),
          text: t('jobs.refresh') })),
      this.error ? h('p', { class: 'notice error', role: 'alert', text: this.error }) : null,
      this.actionError ? h('p', { class: 'notice error', role: 'alert', id: 'logs-error', text: this.actionError })
        : null,
      this.files && !this.files.length ? h('p', { class: 'hint', text: t('logs.empty') }) : null,
      this.files?.length ? this.table() : null,
      this.viewing ? this.viewer() : null);
  }

  table() {
    const head = ['logs.name', 'logs.time', 'logs.size', 'jobs.actions'];
    return h('table', { class: 'table', id: 'logs-table' },
      h('thead', {}, h('tr', {}, head.map((key) => h('th', { scope: 'col', text: t(key) })))),
      h('tbody', {}, this.files.map((file) => h('tr', { 'data-filename': file.filename },
        h('td', { 'data-label': t('logs.name'), class: 'mono', text: file.filename }),
        h('td', { 'data-label': t('logs.time'), text: file.modified_time }),
        h('td', { 'data-label': t('logs.size'), text: formatBytes(file.size) }),
        h('td', { 'data-label': t('jobs.actions'), class: 'actions' },
          h('button', { type: 'button', class: 'small', text: t('logs.view'), onclick: () => this.view(file.filename) }),
          h('button', { type: 'button', class: 'small', text: t('logs.download'),
            onclick: () => this.download(file.filename) }),
          h('button', { type: 'button', class: 'small danger', text: t('logs.delete'),
            onclick: () => this.remove(file.filename) }))))));
  }

  viewer() {
    return h('div', { class: 'card viewer' },
      h('div', { class: 'detail-head' },
        h('h3', { id: 'viewer-title', tabindex: '-1', class: 'mono', text: this.viewing.name }),
        h('button', { type: 'button', class: 'small', id: 'close-viewer', text: t('logs.close'),
          onclick: () => { this.viewing = null; this.render(); } })),
      h('pre', { class: 'log mono', id: 'log-content', tabindex: '0', text: this.viewing.text }));
  }

  async view(name) {
    try {
      this.viewing = { name, text: await api.logFileContent(name) };
      this.render();
      this.element.querySelector('#viewer-title').focus();
    } catch (e) {
      if (e.status !== 401) showToast(e.message, 'error');
    }
  }

  async download(name) {
    try {
      // The key must travel in a header, so the file is fetched and handed to the browser as a blob.
      const url = URL.createObjectURL(await api.logFileBlob(name));
      const link = h('a', { href: url, download: name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (e) {
      if (e.status !== 401) showToast(e.message, 'error');
    }
  }

  async remove(name) {
    if (!window.confirm(t('logs.delete.confirm', { name }))) return;
    try {
      await api.deleteLogFile(name);
      if (this.viewing?.name === name) this.viewing = null;
      showToast(t('logs.deleted', { name }));
      this.actionError = '';
    } catch (e) {
      if (e.status === 401) return;
      this.actionError = e.message;
      showToast(e.message, 'error');
    }
    this.refresh();
  }
}
