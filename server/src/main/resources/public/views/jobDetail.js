// One job in depth: progress (epoch, step/total, time left), loss curve (reward and KL for RL jobs) from the
// parsed metrics, the live log, and for a failed job its exit code or signal and last log lines.
import { api } from '../services/apiClient.js';
import { t } from '../services/i18n.js';
import { LogStream } from '../services/logStream.js';
import { formatMinutes, h, replace } from '../components/dom.js';
import { lineChart } from '../components/lineChart.js';
import { LogPane } from '../components/logPane.js';

const METRICS_POLL_MS = 2000;
const SERIES = [['loss', 'detail.loss'], ['reward', 'detail.reward'], ['kl', 'detail.kl']];
const ENDED = ['succeeded', 'failed', 'stopped', 'lost'];

export class JobDetail {
  constructor(job, { onClose }) {
    this.job = job;
    this.points = [];
    this.cursor = 0;
    this.timer = null;
    this.closed = false;
    this.failureLines = null;
    this.logPane = new LogPane('job-log');
    this.heading = h('h2', { id: 'job-detail-title', tabindex: '-1' });
    this.closeButton = h('button', { type: 'button', class: 'small', id: 'close-detail', onclick: onClose });
    this.failure = h('div', { class: 'failure', id: 'job-failure' });
    this.progress = h('div', { class: 'progress-block', id: 'job-progress' });
    this.charts = h('div', { class: 'charts', id: 'job-charts' });
    this.element = h('section', { class: 'job-detail card', 'aria-labelledby': 'job-detail-title' },
      h('div', { class: 'detail-head' }, this.heading, this.closeButton),
      this.failure, this.progress, this.charts, this.logPane.element);
    this.stream = new LogStream(job.id, {
      onText: (text) => this.logPane.append(text),
      onEnd: () => this.logPane.finish(),
      onState: (state) => this.logPane.setStatus(streamStatus(state)),
    }).start();
    this.pollMetrics();
    this.render();
  }

  /** The list brought a fresher record of this job. */
  update(job) {
    const wasEnded = ENDED.includes(this.job.state);
    this.job = job;
    if (!wasEnded && ENDED.includes(job.state)) this.pollMetrics();
    this.render();
  }

  render() {
    this.heading.textContent = t('detail.title', { id: this.job.id });
    this.closeButton.textContent = t('detail.close');
    this.logPane.render();
    this.renderFailure();
    this.renderProgress();
    this.renderCharts();
  }

  renderFailure() {
    if (!['failed', 'lost'].includes(this.job.state)) {
      replace(this.failure);
      return;
    }
    if (this.failureLines === null) this.loadFailureLines();
    replace(this.failure,
      h('p', { class: 'notice error', id: 'exit-status', text: exitText(this.job) }),
      this.job.error && typeof this.job.error === 'string' ? h('p', { class: 'hint', text: this.job.error }) : null,
      h('h3', { text: t('detail.lastLines') }),
      h('pre', { class: 'mono last-lines', id: 'last-lines', text: this.failureLines ?? '' }));
  }

  async loadFailureLines() {
    this.failureLines = '';
    try {
      this.failureLines = await api.processLog(this.job.id, 30);
    } catch (e) {
      this.failureLines = e.message;
    }
    if (!this.closed) this.renderFailure();
  }

  renderProgress() {
    const last = this.points[this.points.length - 1];
    if (!last) {
      replace(this.progress, h('p', { class: 'hint', text: t('detail.noMetrics') }));
      return;
    }
    const fraction = progressFraction(last);
    const remaining = ENDED.includes(this.job.state) ? null : minutesLeft(this.job, fraction, last);
    const parts = [
      t('detail.epoch', { epoch: last.epochs ? `${last.epoch}/${last.epochs}` : last.epoch }),
      t('detail.step', { step: last.step, total: last.total }),
      remaining === null ? null : t('detail.remaining', { time: formatMinutes(remaining) }),
    ].filter(Boolean);
    replace(this.progress,
      h('label', { for: 'job-progress-bar', text: `${t('detail.progress')} ${Math.round(fraction * 100)}%` }),
      h('progress', { id: 'job-progress-bar', max: '1', value: String(fraction) }),
      h('p', { class: 'hint', id: 'job-progress-text', text: parts.join(' · ') }));
  }

  renderCharts() {
    const charts = SERIES.map(([key, label]) => {
      const series = this.points.filter((p) => p[key] !== null && p[key] !== undefined)
        .map((p) => ({ x: globalStep(p), y: p[key] }));
      if (!series.length) return null;
      return h('figure', { class: 'chart-box' },
        h('figcaption', { text: `${t(label)}: ${series[series.length - 1].y}` }),
        lineChart(series, { label: t(label), className: `chart-${key}` }));
    });
    replace(this.charts, charts);
  }

  /** Fetches metric pages until caught up, then polls while the job runs. */
  async pollMetrics() {
    clearTimeout(this.timer);
    if (this.closed) return;
    let page;
    try {
      page = await api.metrics(this.job.id, this.cursor);
    } catch (e) {
      if (e.status === 404 || e.status === 401) return;
      this.timer = setTimeout(() => this.pollMetrics(), METRICS_POLL_MS * 2);
      return;
    }
    if (this.closed) return;
    this.cursor = page.cursor;
    if (page.points.length) {
      this.points.push(...page.points);
      this.renderProgress();
      this.renderCharts();
    }
    if (page.more) this.timer = setTimeout(() => this.pollMetrics(), 0);
    else if (!page.ended) this.timer = setTimeout(() => this.pollMetrics(), METRICS_POLL_MS);
  }

  destroy() {
    this.closed = true;
    clearTimeout(this.timer);
    this.stream.stop();
    this.logPane.destroy();
  }
}

function globalStep(p) {
  return (p.epoch - 1) * p.total + p.step;
}

function progressFraction(p) {
  const done = p.epochs ? globalStep(p) / (p.epochs * p.total) : p.step / p.total;
  return Math.max(0, Math.min(1, done || 0));
}

/** Minutes left: elapsed time scaled by the work left; the trainer's own epoch estimate as a fallback. */
function minutesLeft(job, fraction, last) {
  const started = parseStart(job);
  if (started && fraction > 0) {
    const elapsed = (Date.now() - started) / 60000;
    return (elapsed * (1 - fraction)) / fraction;
  }
  return last.eta ?? null;
}

function parseStart(job) {
  const text = job.started_at ?? job.start_time;
  if (!text) return null;
  // The legacy field is local "YYYY-MM-DD HH:MM:SS"; as "YYYY-MM-DDTHH:MM:SS" the browser reads it as local too.
  const time = Date.parse(String(text).replace(' ', 'T'));
  return Number.isFinite(time) ? time : null;
}

function exitText(job) {
  if (job.signal !== null && job.signal !== undefined) return t('detail.exit.signal', { signal: job.signal });
  if (job.exit_code !== null && job.exit_code !== undefined) return t('detail.exit.code', { code: job.exit_code });
  return t('detail.exit.unknown');
}

function streamStatus(state) {
  return { reconnecting: t('detail.reconnecting'), ended: t('detail.streamEnded') }[state] ?? '';
}
