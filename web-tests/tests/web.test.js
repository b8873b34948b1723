// The web page end to end, against the real server with a scripted trainer (the server's own
// --engine-command option), in headless Debian chromium.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import { ROOT, answeringConfirm, apiGet, launchBrowser, newClient, register, screenshotPath, startServer }
  from '../lib/harness.js';

const DEADLINE = 30_000;
const UNAUTHORIZED_MESSAGE = '密钥无效或已失效，请重新输入。'; // auth.unauthorized, Chinese by default
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

  /** Alice's job `id` as the server lists it: its state, or undefined once it is gone. */
  async function serverState(id) {
    const { body } = await apiGet(server.url, '/processes', aliceKey);
    return body.find((job) => job.id === id)?.state;
  }

  test('registering shows the key once with a warning, and a reload stays signed in', async () => {
    const { page } = alice;
    const response = await page.goto('/');
    assert.match(response.headers()['content-security-policy'], /script-src 'self';/);
    await page.screenshot({ path: screenshotPath('key-screen.png') });
    aliceKey = await register(page, 'Alice', 'alice@example.com');

    assert.match(aliceKey, /^mm-/);
    assert.match(await page.textContent('.key-shown .warning'), /只显示这一次/);

    // The copy button puts the key itself on the clipboard (something else is there before).
    await alice.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.evaluate(() => navigator.clipboard.writeText('something copied before'));
    await page.click('#copy-key');
    await page.waitForFunction(() => document.querySelector('.key-shown [role=status]')?.textContent === '已复制');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), aliceKey);

    await page.click('#continue');
    await page.waitForSelector('#tab-train');
    assert.match(await page.textContent('#whoami'), /Alice/);

    await page.reload();
    await page.waitForSelector('#train-form');
    assert.equal(await page.$('#issued-key'), null, 'the key is never shown again');
    assert.equal(await page.$('#register-form'), null);
  });

  test('an existing key can be pasted in, is checked with GET /api/me, and signing out forgets it', async () => {
    const carol = await newClient(browser, server.url);
    const { page } = carol;
    await page.goto('/');

    await page.fill('#auth-key', 'mm-not-a-real-key');
    await page.click('#key-form button[type=submit]');
    await page.waitForSelector('.key-screen .notice.error');
    assert.equal(await page.textContent('.key-screen .notice.error'), UNAUTHORIZED_MESSAGE);
    assert.equal(await storedKey(page), null, 'a refused key is not kept');

    const isMe = (r) => new URL(r.url()).pathname === '/api/me';
    const meRequest = page.waitForRequest(isMe);
    const meResponse = page.waitForResponse(isMe);
    await page.fill('#auth-key', `  ${aliceKey} `);
    await page.click('#key-form button[type=submit]');
    assert.equal((await meRequest).headers().authorization, `Bearer ${aliceKey}`, 'the pasted key, trimmed');
    assert.equal((await meResponse).status(), 200);
    await page.waitForSelector('#train-form');
    assert.match(await page.textContent('#whoami'), /Alice（alice@example\.com）/);
    assert.equal(await storedKey(page), aliceKey);

    const question = await answeringConfirm(carol, false, () => page.click('#sign-out'));
    assert.match(question, /确定退出/);
    assert.equal(await storedKey(page), aliceKey, 'Cancel keeps the key');
    assert.ok(await page.isVisible('#train-form'), 'and stays signed in');

    await answeringConfirm(carol, true, () => page.click('#sign-out'));
    await page.waitForSelector('#key-form');
    assert.equal(await storedKey(page), null, 'signing out removes the key from localStorage');
    assert.ok(await page.isVisible('#register-form'));
    assert.ok(await page.isHidden('#sign-out'));
    assert.equal(await page.textContent('#whoami'), '');
    await page.reload();
    await page.waitForSelector('#key-form');
    assert.equal(await page.$('#train-form'), null, 'a reload after signing out stays on the key screen');
    assert.deepEqual(carol.record.errors, []);
    await carol.context.close();
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
    // Help comes from the server's table, in Chinese on the Chinese page.
    const epochs = table.sft.params.find((p) => p.name === 'epochs');
    assert.ok((await page.textContent('#param-epochs-help')).startsWith(epochs.help_zh));

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

    // Stop and delete both ask first; Cancel sends nothing and leaves the job as it was.
    const posted = [];
    const onRequest = (request) => {
      if (request.method() === 'POST') posted.push(new URL(request.url()).pathname);
    };
    page.on('request', onRequest);
    assert.equal(await answeringConfirm(alice, false, () => page.click(`#stop-${id}`)), `确定停止进程 ${id}？`);
    await refreshJobs(page); // requests are seen in order: a stop sent on Cancel would be recorded by now
    assert.deepEqual(posted, [], 'a cancelled stop sends nothing');
    assert.equal(await serverState(id), 'running', 'and leaves the job running');
    assert.equal(await page.getAttribute(`#jobs-table tr[data-job-id="${id}"] .chip`, 'data-state'), 'running');

    await answeringConfirm(alice, true, () => page.click(`#stop-${id}`));
    await waitForState(page, id, 'stopped');

    assert.equal(await answeringConfirm(alice, false, () => page.click(`#delete-${id}`)),
      `确定删除进程 ${id} 及其日志？此操作无法撤销。`);
    await refreshJobs(page);
    page.off('request', onRequest);
    assert.deepEqual(posted, [`/stop/${id}`], 'a cancelled delete sends nothing');
    assert.equal(await serverState(id), 'stopped', 'and keeps the job');
    assert.ok(await page.isVisible(`#jobs-table tr[data-job-id="${id}"]`));

    await answeringConfirm(alice, true, () => page.click(`#delete-${id}`));
    await page.waitForFunction((jobId) => !document.querySelector(`#jobs-table tr[data-job-id="${jobId}"]`), id,
      { timeout: DEADLINE });
    assert.equal(await serverState(id), undefined, 'an accepted delete removes the job on the server');
    assert.deepEqual(record.alerts, [], 'no script from the log ever ran');
    assert.deepEqual(record.errors, []);
    assert.deepEqual(record.cspViolations, [], 'the page itself never trips its own policy');
  });

  test('pausing auto-scroll holds the log still while lines arrive; resuming follows the end again', async () => {
    const { page } = alice;
    await fillTinySft(page);
    await page.fill('#param-epochs', '50');
    await page.click('#start-training');
    await page.waitForSelector('#jobs-table');
    const id = await page.getAttribute('#jobs-table tbody tr', 'data-job-id');
    await page.click(`#show-${id}`);
    await waitForState(page, id, 'running');
    // Enough lines that the pane scrolls.
    await page.waitForFunction(() => {
      const log = document.querySelector('#job-log');
      return log && log.scrollHeight > 2 * log.clientHeight;
    }, null, { timeout: DEADLINE });
    assert.ok((await logScroll(page)).atEnd, 'the pane follows the end while the job writes');

    // The pause button: the pane stays exactly where it is while new lines arrive below.
    await page.click('#job-log-follow');
    assert.equal(await page.getAttribute('#job-log-follow', 'aria-pressed'), 'true', 'auto-scroll paused');
    const paused = await logScroll(page);
    await waitForLogLines(page, paused.lines + 3);
    const held = await logScroll(page);
    assert.equal(held.top, paused.top, 'the paused pane does not move');
    assert.ok(!held.atEnd, 'the new lines wait below the view');

    // Resuming jumps to the end and follows the lines that come next.
    await page.click('#job-log-follow');
    assert.equal(await page.getAttribute('#job-log-follow', 'aria-pressed'), 'false');
    assert.ok((await logScroll(page)).atEnd, 'resuming goes to the end');
    await waitForLogLines(page, held.lines + 3);
    assert.ok((await logScroll(page)).atEnd, 'and keeps following new lines');

    // Scrolling up pauses too, and the pane then holds its place.
    await page.$eval('#job-log', (log) => { log.scrollTop = 0; });
    await page.waitForSelector('#job-log-follow[aria-pressed="true"]');
    const scrolledUp = await logScroll(page);
    await waitForLogLines(page, scrolledUp.lines + 3);
    assert.equal((await logScroll(page)).top, 0, 'a pane scrolled up stays up');
    await page.click('#job-log-follow');
    const resumed = await logScroll(page);
    assert.ok(resumed.atEnd);
    await waitForLogLines(page, resumed.lines + 3);
    assert.ok((await logScroll(page)).atEnd, 'following again after scrolling up');

    await page.click(`#stop-${id}`);
    await waitForState(page, id, 'stopped');
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
    await page.waitForSelector('#exit-status', { timeout: DEADLINE });
    assert.equal(await page.textContent('#exit-status'), '退出码 3');
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
    await page.fill('#param-data_path', '../dataset/rlaif.jsonl'); // the samples' name (default: rlaif-mini.jsonl)
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
    await waitForEpochLine(page);
    assertNewestFloodLines(await logLines(page));
    assert.ok((await logScroll(page)).atEnd, 'auto-scroll follows the end');

    // A reload reattaches with only the log's last 256 KB (about 15000 flood lines): the newest are there.
    const tailed = page.waitForRequest((r) => r.url().includes(`/api/processes/${id}/logs/stream?tail=262144`));
    await page.reload();
    await tailed;
    await waitForEpochLine(page);
    assertNewestFloodLines(await logLines(page));

    // Once the job has ended, the pane holds exactly the log's last 2000 lines, down to the very last one.
    await page.click(`#stop-${id}`);
    await waitForState(page, id, 'stopped');
    await page.waitForFunction(() => document.querySelector('.log-status')?.textContent === '— 日志结束 —', null,
      { timeout: DEADLINE });
    const tail = await fetch(`${server.url}/logs/${id}?lines=2000`, { headers: { Authorization: `Bearer ${aliceKey}` } });
    const expected = (await tail.text()).split('\n').filter((line, i, all) => i < all.length - 1 || line !== '');
    assert.equal(expected.at(-1), 'fake trainer: stopped by SIGTERM');
    assert.deepEqual(await logLines(page), expected);
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

  test('a 401 in the middle of a session returns to the key screen with a message', async () => {
    const erin = await newClient(browser, server.url);
    const { page } = erin;
    await page.goto('/');
    await page.evaluate((key) => localStorage.setItem('minimind.apiKey', key), aliceKey);
    await page.goto('/#jobs');
    await page.reload();
    await page.waitForSelector('#jobs-table');

    // The key stops working: the next job list request reaches the real server with a key it does not know.
    await page.route('**/processes', (route) => route.continue({
      headers: { ...route.request().headers(), authorization: 'Bearer mm-revoked-key' } }));
    const refused = page.waitForResponse((r) => new URL(r.url()).pathname === '/processes');
    await page.click('#refresh-jobs');
    const response = await refused;
    assert.equal(response.status(), 401);
    assert.equal(typeof (await response.json()).error, 'string', 'the server\'s own 401 answer');

    await page.waitForSelector('.key-screen .notice.error');
    assert.equal(await page.textContent('.key-screen .notice.error'), UNAUTHORIZED_MESSAGE);
    assert.ok(await page.isVisible('#key-form'));
    assert.ok(await page.isVisible('#register-form'));
    assert.equal(await page.$('#jobs-table'), null);
    assert.ok(await page.isHidden('#sign-out'));
    assert.equal(await storedKey(page), null, 'the refused key is forgotten');
    assert.deepEqual(erin.record.errors, []);
    await erin.context.close();
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
    await phone.page.click('#tab-train');
    assert.match(await phone.page.textContent('#param-epochs-help'), /^passes over the data set/);
    await phone.page.click('#tab-jobs');
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

/** Clicks the list's refresh button and waits for the server's answer. */
async function refreshJobs(page) {
  const listed = page.waitForResponse((r) => new URL(r.url()).pathname === '/processes');
  await page.click('#refresh-jobs');
  await listed;
}

function storedKey(page) {
  return page.evaluate(() => localStorage.getItem('minimind.apiKey'));
}

async function logLines(page) {
  return page.$$eval('#job-log .line', (lines) => lines.map((line) => line.textContent));
}

/** The live log pane's scroll position, its line count, and whether it shows the end. */
function logScroll(page) {
  return page.$eval('#job-log', (log) => ({ top: log.scrollTop, lines: log.childElementCount,
    atEnd: log.scrollHeight - log.scrollTop - log.clientHeight < 8 }));
}

async function waitForLogLines(page, count) {
  await page.waitForFunction((n) => document.querySelector('#job-log').childElementCount >= n, count,
    { timeout: DEADLINE });
}

async function waitForEpochLine(page) {
  await page.waitForFunction(() => [...document.querySelectorAll('#job-log .line')]
    .some((line) => line.textContent.startsWith('Epoch:')), null, { timeout: DEADLINE });
}

/**
 * The pane of the flood job keeps exactly its newest 2000 lines: an unbroken run of flood lines ending with the
 * last one, 'flood line 99999', shown once, then only the trainer's own lines that came after it.
 */
function assertNewestFloodLines(lines) {
  assert.equal(lines.length, 2000, 'the newest 2000 lines are kept');
  const last = lines.indexOf('flood line 99999');
  assert.ok(last >= 0, 'the newest flood line is shown');
  assert.equal(lines.filter((line) => line === 'flood line 99999').length, 1, 'exactly once');
  lines.slice(0, last + 1).forEach((line, i) => assert.equal(line, `flood line ${99999 - last + i}`));
  assert.ok(lines.slice(last + 1).every((line) => line.startsWith('Epoch:')), 'then the lines written after it');
}

async function chartPoints(page) {
  await page.waitForSelector('.chart-loss', { timeout: DEADLINE });
  return Number(await page.getAttribute('.chart-loss', 'data-points'));
}
