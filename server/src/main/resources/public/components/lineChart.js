// A dependency-free line chart as inline SVG: one series, y scaled to its own range, at most MAX_DRAWN
// points drawn (evenly thinned) so a long run stays cheap to redraw.
import { svg } from './dom.js';

const WIDTH = 420;
const HEIGHT = 170;
const PAD = { left: 62, right: 10, top: 12, bottom: 22 };
const MAX_DRAWN = 600;

/** points: [{x, y}] with finite numbers. Returns an <svg> element. */
export function lineChart(points, { label, className = '' }) {
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: `chart ${className}`, role: 'img',
    'aria-label': `${label}: ${points.length ? points[points.length - 1].y : ''}`,
    'data-points': points.length });
  if (!points.length) return chart;
  const drawn = thin(points);
  const [xMin, xMax] = extent(drawn.map((p) => p.x));
  const [yMin, yMax] = extent(drawn.map((p) => p.y));
  const sx = (x) => PAD.left + ((x - xMin) / (xMax - xMin || 1)) * (WIDTH - PAD.left - PAD.right);
  const sy = (y) => HEIGHT - PAD.bottom - ((y - yMin) / (yMax - yMin || 1)) * (HEIGHT - PAD.top - PAD.bottom);
  chart.append(
    svg('line', { x1: PAD.left, y1: HEIGHT - PAD.bottom, x2: WIDTH - PAD.right, y2: HEIGHT - PAD.bottom,
      class: 'axis' }),
    svg('line', { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: HEIGHT - PAD.bottom, class: 'axis' }),
    svg('text', { x: PAD.left - 4, y: PAD.top + 8, class: 'tick', 'text-anchor': 'end' }, format(yMax)),
    svg('text', { x: PAD.left - 4, y: HEIGHT - PAD.bottom, class: 'tick', 'text-anchor': 'end' }, format(yMin)),
    svg('text', { x: PAD.left, y: HEIGHT - 4, class: 'tick' }, String(xMin)),
    svg('text', { x: WIDTH - PAD.right, y: HEIGHT - 4, class: 'tick', 'text-anchor': 'end' }, String(xMax)),
    svg('polyline', { class: 'series', fill: 'none',
      points: drawn.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ') }));
  if (drawn.length === 1) {
    chart.append(svg('circle', { cx: sx(drawn[0].x), cy: sy(drawn[0].y), r: 3, class: 'dot' }));
  }
  return chart;
}

function thin(points) {
  if (points.length <= MAX_DRAWN) return points;
  const stride = points.length / MAX_DRAWN;
  const kept = [];
  for (let i = 0; i < MAX_DRAWN - 1; i++) kept.push(points[Math.floor(i * stride)]);
  kept.push(points[points.length - 1]);
  return kept;
}

function extent(values) {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

function format(value) {
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e5) ? value.toExponential(2) : Number(value.toFixed(4)).toString();
}
