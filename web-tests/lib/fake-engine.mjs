#!/usr/bin/env node
// A scripted trainer for the browser tests, used through the server's own `--engine-command` option: it
// prints MiniMind's log lines (spec 4.7 and 8.2) at a steady pace, one hostile line among them, and stops
// on SIGTERM like a real trainer. `--save_weight fail` makes it exit with code 3 after a few lines;
// `--save_weight flood` first writes 100000 lines at once.
const [type, ...rest] = process.argv.slice(2);
const args = {};
for (let i = 0; i < rest.length; i += 1) {
  if (rest[i].startsWith('--')) {
    const next = rest[i + 1];
    args[rest[i].slice(2)] = next === undefined || next.startsWith('--') ? 'true' : next;
    if (args[rest[i].slice(2)] === next) i += 1;
  }
}
const epochs = Number(args.epochs ?? 1);
const iters = 40;
const rl = ['ppo', 'grpo', 'spo'].includes(type);
let step = 0;
let epoch = 0;

console.log(`fake trainer: ${type} ${JSON.stringify(args)}`);
console.log('LLM可训练总参数量：0.123 百万');
console.log('<script>alert(1)</script> <img src=x onerror=alert(2)>');
if (args.save_weight === 'flood') {
  // A job that writes fast: 100000 lines at once, then the usual pace.
  const lines = [];
  for (let i = 0; i < 100000; i += 1) lines.push(`flood line ${i}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
process.on('SIGTERM', () => {
  console.log('fake trainer: stopped by SIGTERM');
  process.exit(143);
});

const timer = setInterval(() => {
  step += 1;
  if (step > iters) {
    step = 1;
    epoch += 1;
  }
  if (epoch >= epochs) {
    clearInterval(timer);
    console.log('fake trainer: done');
    return;
  }
  const loss = (8 / Math.sqrt(epoch * iters + step)).toFixed(6);
  if (rl) {
    console.log(`Epoch: ${epoch + 1}, Step: ${step}/${iters}, Actor Loss: ${loss}, Critic Loss: 1.000000, `
      + `Reward: ${(step / iters).toFixed(6)}, KL: 0.001000, KL_ref: 0.002000, Avg Response Len: 12.00, `
      + 'Actor LR: 8.00e-08, Critic LR: 8.00e-08');
  } else {
    console.log(`Epoch:[${epoch + 1}/${epochs}](${step}/${iters}) loss:${loss} lr:0.000000550000 epoch_Time:1.0min:`);
  }
  if (args.save_weight === 'fail' && step === 3) {
    console.error('RuntimeError: scripted failure');
    process.exit(3);
  }
}, Number(process.env.FAKE_ENGINE_STEP_MS ?? 150));
