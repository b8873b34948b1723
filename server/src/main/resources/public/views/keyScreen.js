// Register (the key is shown exactly once), or paste an existing key; both end in a key checked by /api/me.
import { api, clearKey, setKey } from '../services/apiClient.js';
import { t } from '../services/i18n.js';
import { h, replace } from '../components/dom.js';

export class KeyScreen {
  constructor({ message, onSignedIn }) {
    this.message = message || '';
    this.onSignedIn = onSignedIn;
    this.values = { name: '', email: '', key: '' };
    this.issued = null; // { profile, key } right after registering
    this.element = h('section', { class: 'key-screen', 'aria-labelledby': 'key-screen-title' });
  }

  render() {
    this.keepValues();
    replace(this.element, this.issued ? this.keyShown() : this.forms());
  }

  keepValues() {
    for (const name of Object.keys(this.values)) {
      const input = this.element.querySelector(`[name="${name}"]`);
      if (input) this.values[name] = input.value;
    }
  }

  forms() {
    const message = this.message ? h('p', { class: 'notice error', role: 'alert', text: this.message }) : null;
    return [
      h('h2', { id: 'key-screen-title', class: 'visually-hidden', text: t('app.title') }),
      message,
      h('div', { class: 'key-forms' }, this.registerForm(), this.existingKeyForm()),
    ];
  }

  registerForm() {
    const error = h('p', { class: 'form-error', role: 'alert' });
    const form = h('form', { class: 'card', id: 'register-form', novalidate: true },
      h('h3', { text: t('auth.register.title') }),
      h('p', { class: 'hint', text: t('auth.register.intro') }),
      field('name', t('auth.name'), { value: this.values.name, maxlength: 64, autocomplete: 'name' }),
      field('email', t('auth.email'), { value: this.values.email, type: 'email', maxlength: 254,
        autocomplete: 'email' }),
      error,
      h('button', { type: 'submit', class: 'primary', text: t('auth.register.submit') }));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      try {
        const answer = await api.register(form.elements.name.value.trim(), form.elements.email.value.trim());
        setKey(answer.api_key);
        this.issued = { key: answer.api_key, profile: answer };
        this.message = '';
        this.render();
      } catch (e) {
        error.textContent = e.message;
      }
    });
    return form;
  }

  existingKeyForm() {
    const error = h('p', { class: 'form-error', role: 'alert' });
    const form = h('form', { class: 'card', id: 'key-form', novalidate: true },
      h('h3', { text: t('auth.haveKey.title') }),
      field('key', t('auth.key'), { value: this.values.key, type: 'password', autocomplete: 'off',
        spellcheck: 'false' }),
      error,
      h('button', { type: 'submit', class: 'primary', text: t('auth.haveKey.submit') }));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const key = form.elements.key.value.trim();
      if (!key) {
        error.textContent = t('error.required');
        return;
      }
      error.textContent = t('auth.checking');
      setKey(key);
      try {
        this.onSignedIn(await api.me());
      } catch (e) {
        clearKey();
        // A 401 re-renders this screen through the app's handler; other errors are shown here.
        if (e.status !== 401) error.textContent = t('error.network', { message: e.message });
      }
    });
    return form;
  }

  keyShown() {
    const keyInput = h('input', { id: 'issued-key', class: 'mono', readOnly: true, value: this.issued.key,
      'aria-label': t('auth.key'), onfocus: (e) => e.target.select() });
    const copyState = h('span', { class: 'hint', role: 'status' });
    const copy = async () => {
      try {
        await navigator.clipboard.writeText(this.issued.key);
        copyState.textContent = t('auth.copied');
      } catch {
        keyInput.select();
        copyState.textContent = t('auth.copy.failed');
      }
    };
    return h('div', { class: 'card key-shown' },
      h('h3', { text: t('auth.key.shown.title') }),
      h('p', { class: 'notice warning', role: 'alert', text: t('auth.key.shown.warning') }),
      h('div', { class: 'key-row' }, keyInput,
        h('button', { type: 'button', id: 'copy-key', onclick: copy, text: t('auth.copy') })),
      copyState,
      h('button', { type: 'button', class: 'primary', id: 'continue',
        onclick: () => this.onSignedIn(this.issued.profile), text: t('auth.continue') }));
  }
}

function field(name, label, attrs) {
  const id = `auth-${name}`;
  return h('div', { class: 'field' },
    h('label', { for: id, text: label }),
    h('input', { id, name, required: true, ...attrs }));
}
