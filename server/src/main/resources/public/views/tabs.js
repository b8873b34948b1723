// The signed-in page: three tabs like the original Flask page (start training, processes, log files).
// The open tab lives in the URL hash, so a reload comes back to it.
import { t } from '../services/i18n.js';
import { h, replace } from '../components/dom.js';
import { TrainForm } from './trainForm.js';
import { JobsView } from './jobsView.js';
import { LogFilesView } from './logFilesView.js';

const TABS = ['train', 'jobs', 'logs'];

export class Tabs {
  constructor(profile) {
    this.profile = profile;
    this.views = {
      train: new TrainForm(profile, { onStarted: (id) => this.openJob(id) }),
      jobs: new JobsView(),
      logs: new LogFilesView(),
    };
    const fromHash = location.hash.slice(1);
    this.active = TABS.includes(fromHash) ? fromHash : 'train';
    this.nav = h('nav', { class: 'tabs', role: 'tablist', 'aria-label': t('app.title') });
    this.panel = h('div', { class: 'tab-panel', role: 'tabpanel', id: 'tab-panel', tabindex: '-1' });
    this.element = h('div', { class: 'app' }, this.nav, this.panel);
    this.onHash = () => {
      const tab = location.hash.slice(1);
      if (TABS.includes(tab) && tab !== this.active) this.select(tab);
    };
    window.addEventListener('hashchange', this.onHash);
  }

  render() {
    replace(this.nav, TABS.map((tab) => h('button', {
      type: 'button', role: 'tab', id: `tab-${tab}`, class: 'tab', 'aria-controls': 'tab-panel',
      'aria-selected': String(tab === this.active), tabindex: tab === this.active ? '0' : '-1',
      onclick: () => this.select(tab), onkeydown: (e) => this.arrowKeys(e, tab), text: t(`nav.${tab}`),
    })));
    this.panel.setAttribute('aria-labelledby', `tab-${this.active}`);
    const view = this.views[this.active];
    if (this.panel.firstChild !== view.element) replace(this.panel, view.element);
    view.render();
    if (this.shownTab !== this.active) {
      this.shownTab = this.active;
      view.show?.();
    }
  }

  select(tab) {
    if (this.active !== tab) this.views[this.active].hide?.();
    this.active = tab;
    if (location.hash !== `#${tab}`) history.replaceState(null, '', `#${tab}`);
    this.render();
  }

  arrowKeys(event, tab) {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length];
    this.select(next);
    this.nav.querySelector(`#tab-${next}`).focus();
  }

  openJob(id) {
    this.views.jobs.focusJob(id);
    this.select('jobs');
  }

  destroy() {
    window.removeEventListener('hashchange', this.onHash);
    Object.values(this.views).forEach((view) => view.destroy?.());
  }
}
