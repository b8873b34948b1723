// The server's train-type table (GET /api/train-types) read into one shape, and the client-side checks that
// mirror the server's. Nothing here knows a parameter name: names, defaults and ranges all come from the server.

export const GROUP_ORDER = ['basic', 'model', 'data', 'specific', 'advanced'];

/** [{name, script, params: [{name, type, default, min, max, choices, isPath, group, help}]}] */
export function normalizeTrainTypes(answer) {
  const table = answer.train_types ?? answer.trainTypes ?? answer;
  const entries = Array.isArray(table)
    ? table.map((entry) => [entry.name ?? entry.train_type, entry])
    : Object.entries(table);
  return entries.map(([name, entry]) => ({
    name,
    script: entry.script ?? '',
    available: entry.available !== false, // older servers do not say: every type is offered
    params: normalizeParams(entry.params ?? entry.parameters ?? []),
  }));
}

function normalizeParams(params) {
  const list = Array.isArray(params) ? params : Object.entries(params).map(([name, p]) => ({ name, ...p }));
  return list.map((p) => ({
    name: p.name,
    type: kindOf(p.type),
    default: p.default ?? null,
    min: p.min ?? null,
    max: p.max ?? null,
    choices: Array.isArray(p.choices) && p.choices.length ? p.choices : null,
    isPath: Boolean(p.is_path ?? p.isPath),
    group: groupOf(p.group),
    help: p.help ?? '',
    helpZh: p.help_zh ?? '',
  }));
}

function kindOf(type) {
  const text = String(type ?? 'str').toLowerCase();
  if (text.startsWith('int') || text === 'long') return 'int';
  if (['float', 'double', 'number'].includes(text)) return 'float';
  if (text.startsWith('bool') || text.startsWith('flag')) return 'bool';
  return 'str';
}

function groupOf(group) {
  const text = String(group ?? 'basic').toLowerCase();
  if (text.startsWith('data') || text.includes('weight')) return 'data';
  if (text.startsWith('type') || text.includes('specific')) return 'specific';
  return text;
}

/** Params in display order, grouped: [[group, [params]]]. Unknown groups come after the known ones. */
export function grouped(params) {
  const groups = new Map();
  for (const p of params) {
    if (!groups.has(p.group)) groups.set(p.group, []);
    groups.get(p.group).push(p);
  }
  const rank = (g) => (GROUP_ORDER.includes(g) ? GROUP_ORDER.indexOf(g) : GROUP_ORDER.length - 0.5);
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
}

/**
 * Checks one field's text as the server would. Returns null when fine, else [messageKey, vars].
 * An empty field is fine: the parameter is then left out and the script's own default applies.
 */
export function check(param, raw) {
  const value = String(raw ?? '').trim();
  if (value === '') return null;
  if (param.choices) {
    return param.choices.map(String).includes(value) ? null : ['error.choices', { choices: param.choices.join(', ') }];
  }
  if (param.type === 'int' && !/^[-+]?\d+$/.test(value)) return ['error.notInteger', {}];
  if (param.type === 'float' && !Number.isFinite(Number(value))) return ['error.notNumber', {}];
  if (param.type === 'int' || param.type === 'float') {
    const number = Number(value);
    if (param.min !== null && number < param.min) return ['error.min', { min: param.min }];
    if (param.max !== null && number > param.max) return ['error.max', { max: param.max }];
  }
  return null;
}

/** The value sent in the JSON body: numbers as numbers, the rest as the text typed. */
export function toJsonValue(param, raw) {
  const value = String(raw).trim();
  if (param.type === 'int' || param.type === 'float') return Number(value);
  if (param.type === 'bool') return value === 'true' || value === '1';
  return value;
}

/** The parameter a server error message names (longest name first, whole words only), or null. */
export function fieldNamedIn(message, params) {
  const names = params.map((p) => p.name).sort((a, b) => b.length - a.length);
  return names.find((name) => new RegExp(`(^|[^A-Za-z0-9_])${name}([^A-Za-z0-9_]|$)`).test(message)) ?? null;
}

/** A shell-quoted command line from an argv list (for display only). */
export function shellLine(argv) {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${String(arg).replace(/'/g, `'\\''`)}'`)).join(' ');
}
