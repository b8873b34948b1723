// One SFT job through the page with the project's own engine (bin/minimind train) on the shared samples and a
// tiny model: it must train (progress, a loss curve that gains points, log lines), then stop and be deleted.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiGet, launchBrowser, newClient, register, screenshotPath, startServer } from '../lib/harness.js';

const DEADLINE = 180_000; // first engine start extracts libtorch; two shared CPU cores

describe('web page with the real training engine', () => {
  let server;
  let browser;
  let key;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    if (key) {
      for (const job of (await apiGet(server.url, '/processes', key)).body ?? []) {
        await fetch(`${server.url}/delete/${job.id}`, { method: 'POST', headers: { Authorization: `Bearer ${key}` } });
      }
    }
    await browser?.close();
    await server?.stop();
  });

  test('an SFT job on the shared samples with a tiny model runs with progress and a loss curve, stops and is deleted',
    async (t) => {
      const { page, record } = await newClient(browser, server.url);
      key = await register(page, 'Engine', 'engine@example.com');
      await page.click('#continue');
      await page.waitForSelector('#train-form');
      // The project's own engine trains pretrain and sft so far: the other types say how to run them.
      await page.selectOption('#train-type', 'lora');
      const notice = await page.textContent('#train-type-unavailable');
      assert.ok(notice.includes('--backend python') && notice.includes('train_lora.py'), notice);
      assert.equal(await page.isDisabled('#start-training'), true);
      assert.match(await page.textContent('#train-type option[value="lora"]'), /python/);
      await page.selectOption('#train-type', 'sft');
      assert.equal(await page.$('#train-type-unavailable'), null);
      assert.equal(await page.isDisabled('#start-training'), false);
      const values = { hidden_size: '64', num_hidden_layers: '2', max_seq_len: '128', from_weight: 'none',
        data_path: '../dataset/sft.jsonl', epochs: '50', batch_size: '8', learning_rate: '0.001', log_interval: '1' };
      await page.click('details.group summary'); // log_interval is an advanced parameter
      for (const [name, value] of Object.entries(values)) await page.fill(`#param-${name}`, value);
      await page.click('#start-training');
      await page.waitForSelector('#jobs-table');
      const id = await page.getAttribute('#jobs-table tbody tr', 'data-job-id');

      const outcome = await page.waitForFunction((jobId) => {
        const state = document.querySelector(`#jobs-table tr[data-job-id="${jobId}"] .chip`)?.dataset.state;
        const points = Number(document.querySelector('.chart-loss')?.dataset.points ?? 0);
        if (['failed', 'lost'].includes(state)) return 'failed';
        if (points >= 2) return 'training';
        return state === 'succeeded' && points > 0 ? 'training' : false;
      }, id, { timeout: DEADLINE, polling: 500 }).then((handle) => handle.jsonValue());

      if (outcome === 'failed') {
        const lastLines = await page.textContent('#last-lines').catch(() => '');
        assert.fail(`the engine job failed instead of training; last log lines:\n${lastLines}`);
      }
      assert.ok(await page.isVisible('#job-progress-bar'));
      // Enough points for the curve to show the loss going down (lr 1e-3 on a 0.5M-parameter model).
      await page.waitForFunction(() => Number(document.querySelector('.chart-loss')?.dataset.points) >= 20, null,
        { timeout: DEADLINE, polling: 500 });
      assert.ok(await page.locator('#job-log .line', { hasText: 'loss:' }).count() > 0);
      await page.screenshot({ path: screenshotPath('jobs-real-engine.png'), fullPage: true });
      await page.click(`#stop-${id}`);
      await page.waitForSelector(`#jobs-table tr[data-job-id="${id}"] .chip[data-state="stopped"]`,
        { timeout: DEADLINE });
      await page.click(`#delete-${id}`);
      await page.waitForFunction((jobId) => !document.querySelector(`#jobs-table tr[data-job-id="${jobId}"]`), id,
        { timeout: DEADLINE });
      assert.deepEqual(record.errors, []);
    });
});
