// Charts as inline SVG, built at build time for the metrics page (no script in the browser).
// Each has a title and a description for screen readers, and the page puts a visible caption
// and the numbers beside it. The drawing is small (420 units wide) so that its text stays
// readable when a phone scales it down; the stylesheet caps how wide it grows on a desktop.
import { escapeXml, formatMinutes } from './format.ts';
import { integerTicks } from './metrics.ts';

export interface Series {
  name: string;
  /** CSS class giving the bars their colour (see the site stylesheet). */
  className: string;
  values: (number | null)[];
}

export interface BarChartOptions {
  id: string;
  title: string;
  labels: string[];
  series: Series[];
  /** How a value is written on the axis. */
  format?: (value: number) => string;
  /** Counts: whole-number ticks only, each a different number. */
  integer?: boolean;
}

const WIDTH = 420;
/** The stylesheet's .chart-label size, for fitting labels. */
const FONT = 13;

/** Label space for the category axis: about this many characters fit under the plot per label. */
const LABEL_CHARS_WIDTH = FONT * 0.62;

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= max) return m * power;
  return 10 * power;
}

const num = (v: number): string => v.toFixed(1);

/** A column chart: one band per label, one bar per series in it; category labels written level, as many as fit. */
export function barChart(options: BarChartOptions): string {
  const { id, title, labels, series } = options;
  const format = options.format ?? ((v: number) => String(Math.round(v)));
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(0, ...values);
  const ticks = options.integer ? integerTicks(max) : [0, 1, 2, 3, 4].map((i) => (niceMax(max) / 4) * i);
  const top = ticks[ticks.length - 1]!;
  const tickWidth = Math.max(...ticks.map((t) => format(t).length)) * LABEL_CHARS_WIDTH;
  const left = Math.ceil(tickWidth) + 10;
  const right = 8;
  const plotTop = series.length > 1 ? 26 : 10;
  const plotH = 150;
  const height = plotTop + plotH + 24;
  const plotW = WIDTH - left - right;
  const band = labels.length > 0 ? plotW / labels.length : plotW;
  const barW = Math.max(1, (band * 0.8) / Math.max(1, series.length));
  const y = (v: number): number => plotTop + plotH - (v / top) * plotH;
  const widest = Math.max(1, ...labels.map((l) => Math.min(l.length, 12))) * LABEL_CHARS_WIDTH + 8;
  const every = Math.max(1, Math.ceil(widest / band));
  const parts: string[] = [
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(`Bar chart of ${series.map((s) => s.name).join(' and ')} for ${labels.length} categories; the values are in the table below the chart.`)}</desc>`,
  ];
  for (const v of ticks) {
    parts.push(
      `<line class="chart-grid" x1="${left}" x2="${WIDTH - right}" y1="${num(y(v))}" y2="${num(y(v))}"/>`,
      `<text class="chart-label" x="${left - 5}" y="${num(y(v) + 4)}" text-anchor="end">${escapeXml(format(v))}</text>`,
    );
  }
  labels.forEach((label, i) => {
    const x0 = left + band * i + band * 0.1;
    series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      const h = Math.max(v > 0 ? 1 : 0, plotTop + plotH - y(v));
      parts.push(
        `<rect class="${s.className}" x="${num(x0 + barW * j)}" y="${num(plotTop + plotH - h)}" width="${num(barW)}" height="${num(h)}"><title>${escapeXml(`${label}: ${s.name} ${format(v)}`)}</title></rect>`,
      );
    });
    if (i % every === 0) {
      // Centred under its band, but never past the drawing's edges.
      const half = (Math.min(label.length, 12) * LABEL_CHARS_WIDTH) / 2;
      const cx = Math.min(WIDTH - right - half, Math.max(half + 2, left + band * i + band / 2));
      parts.push(
        `<text class="chart-label" x="${num(cx)}" y="${plotTop + plotH + 16}" text-anchor="middle">${escapeXml(label.length > 12 ? `${label.slice(0, 11)}…` : label)}</text>`,
      );
    }
  });
  parts.push(`<line class="chart-axis" x1="${left}" x2="${WIDTH - right}" y1="${plotTop + plotH}" y2="${plotTop + plotH}"/>`);
  if (series.length > 1) {
    series.forEach((s, j) => {
      const lx = left + j * 150;
      parts.push(
        `<rect class="${s.className}" x="${lx}" y="4" width="12" height="12"/><text class="chart-label" x="${lx + 18}" y="15">${escapeXml(s.name)}</text>`,
      );
    });
  }
  parts.push('</svg>');
  return parts.join('');
}

export interface StripPoint {
  /** Where the point leads: the incident's page. */
  href: string;
  /** Its name for the tooltip and screen readers: the incident's title. */
  label: string;
  minutes: number;
}

export interface StripPlotOptions {
  id: string;
  title: string;
  /** Shortest first. */
  points: StripPoint[];
  median: number | null;
  p90: number | null;
}

/** Axis marks a duration axis may use: 0, 1 min, 5 min, 15 min, 1 h, 4 h, 1 d, 1 week, 30 d. */
const DURATION_TICKS = [0, 1, 5, 15, 60, 240, 1440, 10_080, 43_200];
const DOT = 5;
const LANE = 11;
const MOST_LANES = 14;

/**
 * A dot plot of durations: every incident one dot, a link to its page, on a logarithmic time
 * axis (minutes and days on one page); dots that would overlap stack upwards. The median and
 * the 90th percentile are marked as lines.
 */
export function stripPlot(options: StripPlotOptions): string {
  const { id, title, points } = options;
  const left = 14;
  const right = 22;
  const plotW = WIDTH - left - right;
  const max = Math.max(60, ...points.map((p) => p.minutes));
  const scale = Math.log10(1 + max);
  const x = (minutes: number): number => left + (Math.log10(1 + Math.max(0, minutes)) / scale) * plotW;
  // Stack each dot in the lowest lane where it does not touch the lane's last dot.
  const laneEnds: number[] = [];
  const placed = points.map((point) => {
    const px = x(point.minutes);
    let lane = laneEnds.findIndex((end) => px - end >= DOT * 2 + 1);
    if (lane === -1) lane = laneEnds.length < MOST_LANES ? laneEnds.length : laneEnds.indexOf(Math.min(...laneEnds));
    laneEnds[lane] = px;
    return { point, px, lane };
  });
  const lanes = Math.max(1, laneEnds.length);
  const plotTop = 24;
  const axisY = plotTop + lanes * LANE + 6;
  const height = axisY + 24;
  const parts: string[] = [
    `<svg class="chart strip-plot" viewBox="0 0 ${WIDTH} ${height}" role="group" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(`Dot plot of ${points.length} incidents on a logarithmic time axis; each dot links to its incident.`)}</desc>`,
  ];
  let lastTick = -Infinity;
  for (const tick of DURATION_TICKS) {
    if (tick > max * 1.05) break;
    const tx = x(tick);
    if (tx - lastTick < 34) continue;
    lastTick = tx;
    parts.push(
      `<line class="chart-grid" x1="${num(tx)}" x2="${num(tx)}" y1="${plotTop - 4}" y2="${axisY}"/>`,
      `<text class="chart-label" x="${num(tx)}" y="${axisY + 16}" text-anchor="middle">${escapeXml(tick === 0 ? '0' : formatMinutes(tick))}</text>`,
    );
  }
  parts.push(`<line class="chart-axis" x1="${left}" x2="${WIDTH - right}" y1="${axisY}" y2="${axisY}"/>`);
  for (const [name, value] of [
    ['median', options.median],
    ['p90', options.p90],
  ] as const) {
    if (value === null) continue;
    const mx = num(x(value));
    parts.push(
      `<line class="chart-mark chart-mark-${name}" x1="${mx}" x2="${mx}" y1="${plotTop - 8}" y2="${axisY}"><title>${escapeXml(`${name} ${formatMinutes(value)}`)}</title></line>`,
      `<text class="chart-label chart-mark-label" x="${mx}" y="${plotTop - 11}" text-anchor="${name === 'median' ? 'end' : 'start'}">${name}</text>`,
    );
  }
  for (const { point, px, lane } of placed) {
    const name = `${point.label}: ${formatMinutes(point.minutes)}`;
    parts.push(
      `<a class="dot-link" href="${escapeXml(point.href)}" aria-label="${escapeXml(name)}"><circle class="dot" cx="${num(px)}" cy="${num(axisY - 6 - lane * LANE)}" r="${DOT}"><title>${escapeXml(name)}</title></circle></a>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
