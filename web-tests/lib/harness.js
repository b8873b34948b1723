// Starts the real server (bin/minimind serve) and headless Debian chromium for the browser tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = process.env.MINIMIND_SHARED ?? resolve(ROOT, '../shared');
// A test run writes its screenshots into an ignored folder, so running the tests leaves the work tree clean;
// MINIMIND_SCREENSHOTS=docs/screenshots (relative to the repository) refreshes the committed set.
export const SCREENSHOTS = resolve(ROOT, process.env.MINIMIND_SCREENSHOTS ?? 'web-tests/screenshots');
const LISTENING = /MiniMind training service listening on (http:\/\/\S+)/;
const START_DEADLINE_MS = 300_000; // a fresh checkout compiles first

/** Starts `bin/minimind serve --port 0` on a temporary data folder; resolves once it announces its URL. */
export async function startServer({ engineCommand } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'minimind-web-'));
  const args = ['serve', '--port', '0', '--data-dir', dataDir,
    '--datasets', join(SHARED, 'data/minimind-samples'), '--tokenizer', join(SHARED, 'data/tokenizer')];
  if (engineCommand) args.push('--engine-command', engineCommand);
  const child = spawn(join(ROOT, 'bin/minimind'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), START_DEADLINE_MS);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(LISTENING);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A fresh browser context (its own localStorage: a second "client") whose pages record dialogs and errors.
 * Confirmation dialogs are accepted unless `client.confirmAnswer` is set to false (see `answeringConfirm`);
 * their messages are kept in `record.confirms`. Any other dialog (alert, prompt) is recorded and dismissed.
 */
export async function newClient(browser, baseURL, viewport = { width: 1200, height: 900 }) {
  const context = await browser.newContext({ baseURL, viewport });
  const page = await context.newPage();
  const record = { alerts: [], confirms: [], errors: [], cspViolations: [] };
  const client = { context, page, record, confirmAnswer: true };
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) record.cspViolations.push(message.text());
  });
  page.on('dialog', (dialog) => {
    if (dialog.type() === 'confirm') {
      record.confirms.push(dialog.message());
      if (client.confirmAnswer) dialog.accept();
      else dialog.dismiss();
    } else {
      record.alerts.push(dialog.message());
      dialog.dismiss();
    }
  });
  page.on('pageerror', (error) => record.errors.push(error.message));
  return client;
}

/**
 * Runs `action` (a click that opens a confirmation dialog) with the dialog answered `answer` (true: OK,
 * false: Cancel); resolves with the dialog's message once it has been answered. Fails if no dialog came.
 */
export async function answeringConfirm(client, answer, action) {
  const dialog = client.page.waitForEvent('dialog', { predicate: (d) => d.type() === 'confirm' });
  dialog.catch(() => {}); // if `action` throws, its error is the one reported
  client.confirmAnswer = answer;
  try {
    await action();
    return (await dialog).message();
  } finally {
    client.confirmAnswer = true;
  }
}

/** Registers through the page; returns the key it showed. */
export async function register(page, name, email) {
  await page.goto('/');
  await page.fill('#auth-name', name);
  await page.fill('#auth-email', email);
  await page.click('#register-form button[type=submit]');
  await page.waitForSelector('#issued-key');
  return page.inputValue('#issued-key');
}

/** JSON from the API with a key, for checks that go around the page. */
export async function apiGet(baseURL, path, key) {
  const response = await fetch(new URL(path, baseURL), { headers: { Authorization: `Bearer ${key}` } });
  return { status: response.status, body: await response.json().catch(() => null) };
}

export function screenshotPath(name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}
