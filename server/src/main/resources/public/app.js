// Entry point: chooses between the key screen and the three tabs, and keeps them in the chosen language.
import { api, clearKey, getKey, onUnauthorized } from './services/apiClient.js';
import { language, onLanguageChange, setLanguage, t } from './services/i18n.js';
import { replace } from './components/dom.js';
import { showToast } from './components/toast.js';
import { KeyScreen } from './views/keyScreen.js';
import { Tabs } from './views/tabs.js';

const main = document.getElementById('main');
const whoami = document.getElementById('whoami');
const signOutButton = document.getElementById('sign-out');
const langButton = document.getElementById('lang-switch');

let view = null;
let me = null;

function show(next) {
  if (view && view.destroy) view.destroy();
  view = next;
  replace(main, view.element);
  view.render();
  renderChrome();
}

function renderChrome() {
  document.title = t('app.title');
  document.getElementById('app-title').textContent = t('app.title');
  langButton.textContent = t('lang.switch');
  langButton.setAttribute('aria-label', t('lang.switch.label'));
  signOutButton.textContent = t('auth.signOut');
  signOutButton.hidden = !me;
  whoami.textContent = me ? t('auth.signedInAs', { name: me.name, email: me.email }) : '';
}

function showKeyScreen(message) {
  me = null;
  show(new KeyScreen({ message, onSignedIn: signedIn }));
}

function signedIn(profile) {
  me = profile;
  show(new Tabs(profile));
}

async function start() {
  document.documentElement.lang = language() === 'en' ? 'en' : 'zh-CN';
  if (!getKey()) {
    showKeyScreen();
    return;
  }
  try {
    signedIn(await api.me());
  } catch (e) {
    // A 401 has already switched to the key screen; anything else (server down) is shown there too.
    if (e.status !== 401) showKeyScreen(t('error.network', { message: e.message }));
  }
}

onUnauthorized(() => {
  clearKey();
  showKeyScreen(t('auth.unauthorized'));
});

langButton.addEventListener('click', () => setLanguage(language() === 'en' ? 'zh' : 'en'));
onLanguageChange(() => {
  renderChrome();
  if (view) view.render();
});

signOutButton.addEventListener('click', () => {
  if (!window.confirm(t('auth.signOut.confirm'))) return;
  clearKey();
  showKeyScreen();
  showToast(t('auth.signedOut'));
});

start();
