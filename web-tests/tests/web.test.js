// The web page end to end, against the real server with a scripted trainer (the server's own
// --engine-command option), in headless Debian chromium.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import { ROOT, apiGet, launchBrowser, newClient, register, screenshotPath, startServer } from '../lib/harness.js';

const DEADLINE = 30_000;
const FAKE_ENGINE = `node ${join(ROOT, 'web-tests/lib/fake-engine.mjs')}`;

describe('web page with a scripted trainer', () => {
  let server;
  let browser;
  let alice;
  let aliceKey;

  before(async () => {
    server = await startServer({ engineCommand: FAKE_ENGINE });
    browser = await launchBrowser();
    alice = await newClient(browser, server.url);
  });

  after(async () => {
    // Jobs outlive the server by design, so stop them through the API before the server goes.
    if (aliceKey) {
      const { body } = await apiGet(server.url, '/processes', aliceKey);
      for (const job of body ?? []) {
        await fetch(`${server.url}/delete/${job.id}`, { method: 'POST', headers: { Authorization: `Bearer ${aliceKey}` } });
      }
    }
    await browser?.close();
    await server?.stop();
  });

  test('registering shows the key once with a warning, and a reload stays signed in', async () => {
    const { page } = alice;
    const response = await page.goto('/');
    assert.match(response.headers()['content-security-policy'], /script-src 'self';/);
    await page.screenshot({ path: screenshotPath('key-screen.png') });
    aliceKey = await register(page, 'Alice', 'alice@example.com');

    assert.match(aliceKey, /^mm-/);
    assert.match(await page.textContent('.key-shown .warning'), /只显示这一次/);
    assert.ok(await page.isVisible('#copy-key'));
    await page.click('#continue');
    await page.waitForSelector('#tab-train');
    assert.match(await page.textContent('#whoami'), /Alice/);

    await page.reload();
    await page.waitForSelector('#train-form');
    assert.equal(await page.$('#issued-key'), null, 'the key is never shown again');
    assert.equal(await page.$('#register-form'), null);
  });

  test('the training form is built from the server table, checks values and previews the command', async () => {
    const { page } = alice;
    const table = (await apiGet(server.url, '/api/train-types', aliceKey)).body.train_types;
    await page.selectOption('#train-type', 'sft');
    for (const param of table.sft.params) {
      const input = await page.$(`#param-${param.name}`);
      assert.ok(input, `field for ${param.name}`);
      if (param.default !== undefined && param.default !== null && param.type !== 'flag01') {
        assert.equal(await input.inputValue(), String(param.default), `default of ${param.name}`);
      }
    }
    assert.ok(await page.$('details.group summary'), 'advanced parameters are collapsed');

    await page.fill('#param-batch_size', '0');
    await page.click('#start-training');
    assert.notEqual((await page.textContent('#param-batch_size-error')).trim(), '');

    await fillTinySft(page);
    await page.fill('#param-data_path', '/etc/passwd');
    await page.click('#start-training');
    await page.waitForFunction(() => document.querySelector('#param-data_path-error')?.textContent.trim());
    assert.match(await page.textContent('#param-data_path-error'), /data_path/);

    await page.fill('#param-data_path', '../dataset/sft.jsonl');
    await page.click('#preview-command');
    await page.waitForSelector('#command-preview');
    const command = await page.textContent('#command-preview');
    assert.match(command, /fake-engine\.mjs sft /);
    assert.match(command, /--hidden_size 64/);
    await page.screenshot({ path: screenshotPath('train.png'), fullPage: true });
  });

  test('a started job shows progress, a growing loss curve and live log lines, reattaches, and stops', async () => {
    const { page, record } = alice;
    await fillTinySft(page);
    await page.fill('#param-epochs', '50');
    await page.click('#start-training');
    await page.waitForSelector('#jobs-table');
    const id = await page.getAttribute('#jobs-table tbody tr', 'data-job-id');
    await waitForState(page, id, 'running');

    await page.waitForSelector('#job-progress-bar', { timeout: DEADLINE });
    const firstPoints = await chartPoints(page);
    await page.waitForFunction((n) => Number(document.querySelector('.chart-loss')?.dataset.points) > n,
      firstPoints, { timeout: DEADLINE });
    await page.waitForFunction(() => document.querySelectorAll('#job-log .line').length > 3, null,
      { timeout: DEADLINE });
    assert.match(await page.textContent('#job-progress-text'), /1\/50/);

    const hostile = await page.locator('#job-log .line', { hasText: '<script>alert(1)</script>' }).count();
    assert.equal(hostile, 1, 'the hostile log line is shown as text');
    assert.equal(await page.locator('#job-log script, #job-log img').count(), 0, 'and never becomes markup');
    await page.screenshot({ path: screenshotPath('jobs.png'), fullPage: true });

    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('#job-log .line').length > 3, null,
      { timeout: DEADLINE });
    assert.ok(await page.isVisible('#job-progress-bar'), 'the detail reattaches after a reload');

    await page.click('#job-log-follow');
    assert.equal(await page.getAttribute('#job-log-follow', 'aria-pressed'), 'true', 'auto-scroll paused');

    await page.click(`#stop-${id}`);
    await waitForState(page, id, 'stopped');
    await page.click(`#delete-${id}`);
    await page.waitForFunction((jobId) => !document.querySelector(`#jobs-table tr[data-job-id="${jobId}"]`), id,
      { timeout: DEADLINE });
    assert.deepEqual(record.alerts, [], 'no script from the log ever ran');
    assert.deepEqual(record.errors, []);
    assert.deepEqual(record.cspViolations, [], 'the page itself never trips its own policy');
  });

  test('a failed job shows its exit code and its last log lines', async () => {
    const { page } = alice;
    await page.click('#tab-train');
    await page.selectOption('#train-type', 'sft');
    assert.equal(await page.inputValue('#param-hidden_size'), '64', 'last used values are remembered per type');
    await fillTinySft(page);
    await page.fill('#param-save_weight', 'fail');
    await page.click('#start-training');
    await page.waitForSelector('#jobs-table');
    const id = await page.getAttribute('#jobs-table tbody tr', 'data-job-id');
    await waitForState(page, id, 'failed');
    await page.click(`#show-${id}`);
    await page.waitForFunction(() => /3/.test(document.querySelector('#exit-status')?.textContent ?? ''), null,
      { timeout: DEADLINE });
    await page.waitForFunction(() => /scripted failure/.test(document.querySelector('#last-lines')?.textContent ?? ''),
      null, { timeout: DEADLINE });
  });

  test('log files are listed, viewed and deleted; a running job\'s log is refused with the server\'s message', async () => {
    const { page } = alice;
    await page.click('#tab-train');
    await fillTinySft(page);
    await page.fill('#param-epochs', '50');
    await page.click('#start-training');
    await page.waitForSelector('#jobs-table');
    const running = await page.getAttribute('#jobs-table tbody tr', 'data-job-id');
    await waitForState(page, running, 'running');

    await page.click('#tab-logs');
    await page.waitForSelector('#logs-table');
    const names = await page.$$eval('#logs-table tbody tr', (rows) => rows.map((r) => r.dataset.filename));
    assert.ok(names.length >= 2, `two logs at least, got ${names}`);
    const newest = page.locator('#logs-table tbody tr').first();
    await newest.getByRole('button', { name: '删除' }).click();
    await page.waitForSelector('#logs-error');
    assert.notEqual((await page.textContent('#logs-error')).trim(), '');

    const finished = page.locator('#logs-table tbody tr').last();
    const finishedName = await finished.getAttribute('data-filename');
    const [download] = await Promise.all([page.waitForEvent('download'),
      finished.getByRole('button', { name: '下载' }).click()]);
    assert.equal(download.suggestedFilename(), finishedName);
    await finished.getByRole('button', { name: '查看' }).click();
    await page.waitForSelector('#log-content');
    assert.match(await page.textContent('#log-content'), /fake trainer/);
    await page.screenshot({ path: screenshotPath('logs.png'), fullPage: true });
    await finished.getByRole('button', { name: '删除' }).click();
    await page.waitForFunction((name) => !document.querySelector(`#logs-table tr[data-filename="${name}"]`),
      finishedName, { timeout: DEADLINE });
  });

  test('an RL job draws reward and KL curves next to the loss', async () => {
    const { page } = alice;
    await page.click('#tab-train');
    await page.selectOption('#train-type', 'ppo');
    await page.fill('#param-hidden_size', '64');
    await page.fill('#param-num_hidden_layers', '2');
    await page.click('#start-training');
    await page.waitForSelector('#jobs-table');
    const id = await page.getAttribute('#jobs-table tbody tr', 'data-job-id');
    await page.waitForFunction(() => ['loss', 'reward', 'kl'].every(
      (k) => Number(document.querySelector(`.chart-${k}`)?.dataset.points) > 1), null, { timeout: DEADLINE });
    await page.click(`#stop-${id}`);
    await page.waitForSelector(`#jobs-table tr[data-job-id="${id}"] .chip:not([data-state="running"])`,
      { timeout: DEADLINE });
  });

  test('the live log keeps up with a job that writes 100000 lines at once and keeps only the newest', async () => {
    const { page } = alice;
    await page.click('#tab-train');
    await fillTinySft(page);
    await page.fill('#param-save_weight', 'flood');
    await page.fill('#param-epochs', '50');
    await page.click('#start-training');
    await page.waitForSelector('#jobs-table');
    const id = await page.getAttribute('#jobs-table tbody tr', 'data-job-id');
    await page.click(`#show-${id}`);
    await page.waitForFunction(() => [...document.querySelectorAll('#job-log .line')]
      .some((line) => line.textContent.startsWith('Epoch:')), null, { timeout: DEADLINE });
    const lines = await page.locator('#job-log .line').count();
    assert.ok(lines <= 2000, `at most 2000 lines kept, got ${lines}`);
    assert.ok(await page.locator('#job-log .line', { hasText: 'flood line 99999' }).count() <= 1);
    const atEnd = await page.$eval('#job-log', (log) => log.scrollHeight - log.scrollTop - log.clientHeight < 8);
    assert.ok(atEnd, 'auto-scroll follows the end');
    await page.click(`#stop-${id}`);
    await waitForState(page, id, 'stopped');
  });

  test('tabs are reachable and switchable with the keyboard', async () => {
    const { page } = alice;
    await page.focus('#tab-jobs');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getAttribute('#tab-logs', 'aria-selected'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-logs');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.getAttribute('#tab-jobs', 'aria-selected'), 'true');
  });

  test('a second client in another browser context sees none of the first client\'s jobs or log files', async () => {
    const bob = await newClient(browser, server.url);
    const bobKey = await register(bob.page, 'Bob', 'bob@example.com');
    await bob.page.click('#continue');
    await bob.page.click('#tab-jobs');
    await bob.page.waitForSelector('#jobs-list .hint');
    assert.equal(await bob.page.$('#jobs-table'), null);
    await bob.page.click('#tab-logs');
    await bob.page.waitForSelector('.logfiles .hint');
    assert.equal(await bob.page.$('#logs-table'), null);

    const aliceJobs = (await apiGet(server.url, '/processes', aliceKey)).body;
    assert.ok(aliceJobs.length > 0);
    const stolen = await apiGet(server.url, `/api/processes/${aliceJobs[0].id}/metrics?cursor=0`, bobKey);
    assert.equal(stolen.status, 404);
    await bob.context.close();
  });

  test('a wrong key shows the key screen with a message', async () => {
    const mallory = await newClient(browser, server.url);
    await mallory.page.goto('/');
    await mallory.page.evaluate(() => localStorage.setItem('minimind.apiKey', 'mm-not-a-real-key'));
    await mallory.page.reload();
    await mallory.page.waitForSelector('.key-screen .notice.error');
    assert.ok(await mallory.page.isVisible('#register-form'));
    await mallory.context.close();
  });

  test('the page switches to English and fits a phone screen', async () => {
    const phone = await newClient(browser, server.url, { width: 390, height: 844 });
    await phone.page.goto('/');
    await phone.page.evaluate((key) => localStorage.setItem('minimind.apiKey', key), aliceKey);
    await phone.page.goto('/#jobs');
    await phone.page.reload();
    await phone.page.waitForSelector('#jobs-table');
    await phone.page.click('#lang-switch');
    assert.equal(await phone.page.textContent('#tab-jobs'), 'Training processes');
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at phone width (overflow ${overflow}px)`);
    await phone.page.screenshot({ path: screenshotPath('jobs-phone-en.png'), fullPage: true });
    await phone.context.close();
  });
});

async function fillTinySft(page) {
  await page.click('#tab-train');
  await page.waitForSelector('#train-form');
  await page.selectOption('#train-type', 'sft');
  await page.click('#reset-defaults');
  await page.fill('#param-hidden_size', '64');
  await page.fill('#param-num_hidden_layers', '2');
  await page.fill('#param-max_seq_len', '128');
  await page.fill('#param-from_weight', 'none');
  await page.fill('#param-data_path', '../dataset/sft.jsonl');
  await page.fill('#param-epochs', '1');
}

async function waitForState(page, id, state) {
  await page.waitForSelector(`#jobs-table tr[data-job-id="${id}"] .chip[data-state="${state}"]`, { timeout: DEADLINE });
}

async function chartPoints(page) {
  await page.waitForSelector('.chart-loss', { timeout: DEADLINE });
  return Number(await page.getAttribute('.chart-loss', 'data-points'));
}
