// "Start training": a form generated from the server's train-type table, with the server's own defaults,
// ranges and help, client-side checks that mirror the server's, a command preview, and per-type memory.
import { api } from '../services/apiClient.js';
import { language, t } from '../services/i18n.js';
import { h, replace } from '../components/dom.js';
import { showToast } from '../components/toast.js';
import { check, fieldNamedIn, grouped, normalizeTrainTypes, shellLine, toJsonValue } from '../services/trainTypes.js';

export class TrainForm {
  constructor(profile, { onStarted }) {
    this.profile = profile;
    this.onStarted = onStarted;
    this.types = null;
    this.loadError = null;
    this.selected = localStorage.getItem(this.storageKey('type'));
    this.values = {};
    this.errors = {};
    this.formError = '';
    this.preview = null;
    this.element = h('section', { class: 'train', 'aria-label': t('nav.train') });
  }

  storageKey(suffix) {
    return `minimind.${this.profile.client_id}.${suffix}`;
  }

  async show() {
    if (this.types) return;
    try {
      this.types = normalizeTrainTypes(await api.trainTypes());
      if (!this.types.some((type) => type.name === this.selected)) this.selected = this.types[0]?.name;
      this.loadValues();
    } catch (e) {
      this.loadError = e.message;
    }
    this.render();
  }

  get type() {
    return this.types?.find((type) => type.name === this.selected);
  }

  loadValues() {
    const remembered = JSON.parse(localStorage.getItem(this.storageKey(`last.${this.selected}`)) || '{}');
    this.values = {};
    for (const p of this.type.params) {
      this.values[p.name] = p.name in remembered ? remembered[p.name] : defaultText(p);
    }
    this.errors = {};
    this.preview = null;
  }

  render() {
    if (!this.types) {
      replace(this.element, h('p', { class: this.loadError ? 'notice error' : 'hint',
        text: this.loadError || t('train.loading') }));
      return;
    }
    const type = this.type;
    // this.values follows every keystroke, so a re-render (language switch, server error) never loses input.
    const form = h('form', { id: 'train-form', novalidate: true, onsubmit: (e) => this.submit(e) },
      h('div', { class: 'field' },
        h('label', { for: 'train-type', text: t('train.type') }),
        h('select', { id: 'train-type', name: 'train_type', onchange: (e) => this.selectType(e.target.value) },
          this.types.map((tt) => h('option', { value: tt.name, selected: tt.name === this.selected,
            text: tt.available ? tt.name : t('train.type.unavailable', { name: tt.name }) }))),
        type.script ? h('p', { class: 'hint', text: t('train.script', { script: type.script }) }) : null,
        type.available ? null : h('p', { class: 'notice warning', id: 'train-type-unavailable',
          text: t('train.unavailable', { script: type.script }) })),
      grouped(type.params).map(([group, params]) => this.group(group, params)),
      h('p', { class: 'form-error', role: 'alert', id: 'train-form-error', text: this.formError }),
      h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'primary', id: 'start-training', text: t('train.submit'),
          disabled: type.available ? null : true }),
        h('button', { type: 'button', id: 'preview-command', onclick: () => this.showPreview(),
          text: t('train.preview') }),
        h('button', { type: 'button', id: 'reset-defaults', onclick: () => this.reset(), text: t('train.reset') })),
      this.preview === null ? null : h('div', { class: 'preview' },
        h('h3', { text: t('train.preview.title') }),
        h('pre', { id: 'command-preview', class: 'mono', text: this.preview })));
    replace(this.element, form);
  }

  group(group, params) {
    const known = ['basic', 'model', 'data', 'specific', 'advanced'].includes(group);
    const title = known ? t(`train.group.${group}`) : group;
    const fields = h('div', { class: 'grid' }, params.map((p) => this.field(p)));
    if (group === 'advanced') {
      return h('details', { class: 'group', open: Object.keys(this.errors).some((n) => params.some((p) => p.name === n)) },
        h('summary', { text: title }), fields);
    }
    return h('fieldset', { class: 'group' }, h('legend', { text: title }), fields);
  }

  field(p) {
    const id = `param-${p.name}`;
    const error = this.errors[p.name];
    const input = p.choices || p.type === 'bool' ? this.select(p, id) : h('input', {
      id, name: p.name, value: this.values[p.name] ?? '', inputmode: p.type === 'str' ? null : 'decimal',
      autocomplete: 'off', spellcheck: 'false', 'aria-invalid': error ? 'true' : null,
      'aria-describedby': `${id}-help ${id}-error`, onchange: () => this.validateOne(p),
      // An error goes away as soon as the typed value is good: cleared later, on blur, the lines it took would
      // vanish under the pointer of a click on a button below and the click would land elsewhere.
      oninput: (e) => {
        this.values[p.name] = e.target.value;
        if (this.errors[p.name] && !check(p, e.target.value)) this.validateOne(p);
      },
    });
    return h('div', { class: `field${error ? ' invalid' : ''}` },
      h('label', { for: id, class: 'mono', text: p.name }),
      input,
      h('p', { class: 'hint', id: `${id}-help`, text: helpLine(p) }),
      h('p', { class: 'field-error', id: `${id}-error`, role: error ? 'alert' : null, text: error || '' }));
  }

  select(p, id) {
    const choices = p.choices ?? (typeof p.default === 'number' ? ['0', '1'] : ['false', 'true']);
    return h('select', { id, name: p.name, 'aria-describedby': `${id}-help ${id}-error`,
      onchange: (e) => { this.values[p.name] = e.target.value; } },
      choices.map((c) => h('option', { value: String(c), selected: String(c) === String(this.values[p.name]),
        text: String(c) })));
  }

  selectType(name) {
    this.selected = name;
    localStorage.setItem(this.storageKey('type'), name);
    this.formError = '';
    this.loadValues();
    this.render();
  }

  reset() {
    this.values = Object.fromEntries(this.type.params.map((p) => [p.name, defaultText(p)]));
    this.errors = {};
    this.formError = '';
    this.preview = null;
    this.render();
  }

  /** Checks one field when it changes, updating only its own error line (no re-render, focus stays). */
  validateOne(p) {
    const input = this.element.querySelector(`#param-${p.name}`);
    this.values[p.name] = input.value;
    const problem = check(p, input.value);
    if (problem) this.errors[p.name] = t(...problem);
    else delete this.errors[p.name];
    const error = this.errors[p.name] ?? '';
    input.closest('.field').classList.toggle('invalid', Boolean(error));
    input.setAttribute('aria-invalid', String(Boolean(error)));
    this.element.querySelector(`#param-${p.name}-error`).textContent = error;
  }

  /** The JSON body, or null after marking the invalid fields. */
  body() {
    this.errors = {};
    const body = { train_type: this.selected };
    for (const p of this.type.params) {
      const problem = check(p, this.values[p.name]);
      if (problem) this.errors[p.name] = t(...problem);
      else if (changed(p, this.values[p.name])) body[p.name] = toJsonValue(p, this.values[p.name]);
    }
    this.formError = Object.keys(this.errors).length ? t('error.form') : '';
    return this.formError ? null : body;
  }

  async showPreview() {
    const body = this.body();
    if (body) {
      try {
        const answer = await api.preview(body);
        this.preview = Array.isArray(answer.command) ? shellLine(answer.command) : String(answer.command_line);
      } catch (e) {
        if (e.status === 404) this.formError = t('train.preview.unavailable');
        else this.serverError(e);
      }
    }
    this.render();
  }

  async submit(event) {
    event.preventDefault();
    const body = this.body();
    if (body) {
      try {
        const answer = await api.train(body);
        localStorage.setItem(this.storageKey(`last.${this.selected}`), JSON.stringify(this.values));
        showToast(t('train.started', { id: answer.process_id }));
        this.onStarted(answer.process_id);
        return;
      } catch (e) {
        this.serverError(e);
      }
    }
    this.render();
    this.focusFirstError();
  }

  serverError(e) {
    if (e.status === 401) return;
    const field = e.field ?? fieldNamedIn(e.message, this.type.params);
    if (field) this.errors[field] = e.message;
    this.formError = e.message;
  }

  focusFirstError() {
    const first = Object.keys(this.errors)[0];
    (first ? this.element.querySelector(`#param-${first}`) : this.element.querySelector('#train-form-error'))?.focus();
  }
}

/**
 * Only values that differ from the script's default are sent: the server fills in the rest itself, so the
 * command line shows exactly what the user chose (as the scripts' own defaults would run anyway).
 */
function changed(p, raw) {
  const value = String(raw ?? '').trim();
  return value !== '' && value !== defaultText(p);
}

function defaultText(p) {
  return p.default === null || p.default === undefined ? '' : String(p.default);
}

function helpLine(p) {
  const parts = [];
  const help = language() === 'zh' && p.helpZh ? p.helpZh : p.help;
  if (help) parts.push(help);
  if (p.default !== null) parts.push(t('train.default', { value: p.default }));
  if (p.min !== null || p.max !== null) parts.push(t('train.range', { range: `${p.min ?? '−∞'} … ${p.max ?? '∞'}` }));
  if (p.isPath) parts.push(t('train.path'));
  return parts.join(' · ');
}
