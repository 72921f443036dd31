// Bar charts as inline SVG, built at build time for the metrics page. Each chart has a
// title and a description for screen readers; the numbers are in the table beside it.
import { escapeXml } from './format.ts';

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
  /** Show every n-th category label (long month ranges). Default: as many as fit. */
  labelEvery?: number;
}

const WIDTH = 800;
const HEIGHT = 300;
const TOP = 30;
const BOTTOM = 64;
const LEFT = 64;
const RIGHT = 12;

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= max) return m * power;
  return 10 * power;
}

export function barChart(options: BarChartOptions): string {
  const { id, title, labels, series } = options;
  const format = options.format ?? ((v: number) => String(Math.round(v)));
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = niceMax(Math.max(0, ...values));
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const band = labels.length > 0 ? plotW / labels.length : plotW;
  const barW = Math.max(1, (band * 0.8) / Math.max(1, series.length));
  const y = (v: number): number => TOP + plotH - (v / top) * plotH;
  const every = options.labelEvery ?? Math.max(1, Math.ceil(labels.length / 16));
  const parts: string[] = [
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(`Bar chart of ${series.map((s) => s.name).join(' and ')} for ${labels.length} categories; the values are in the table below the chart.`)}</desc>`,
  ];
  for (let i = 0; i <= 4; i++) {
    const v = (top / 4) * i;
    parts.push(
      `<line class="chart-grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"/>`,
      `<text class="chart-label" x="${LEFT - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${escapeXml(format(v))}</text>`,
    );
  }
  labels.forEach((label, i) => {
    const x0 = LEFT + band * i + band * 0.1;
    series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      const h = Math.max(v > 0 ? 1 : 0, TOP + plotH - y(v));
      parts.push(`<rect class="${s.className}" x="${(x0 + barW * j).toFixed(1)}" y="${(TOP + plotH - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}"><title>${escapeXml(`${label}: ${s.name} ${format(v)}`)}</title></rect>`);
    });
    if (i % every === 0) {
      const cx = LEFT + band * i + band / 2;
      parts.push(`<text class="chart-label" x="${cx.toFixed(1)}" y="${HEIGHT - BOTTOM + 14}" text-anchor="end" transform="rotate(-40 ${cx.toFixed(1)} ${HEIGHT - BOTTOM + 14})">${escapeXml(label.length > 18 ? `${label.slice(0, 17)}…` : label)}</text>`);
    }
  });
  parts.push(`<line class="chart-axis" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${TOP + plotH}" y2="${TOP + plotH}"/>`);
  // Legend.
  if (series.length > 1) {
    series.forEach((s, j) => {
      const lx = LEFT + 8 + j * 150;
      parts.push(`<rect class="${s.className}" x="${lx}" y="6" width="12" height="12"/><text class="chart-label" x="${lx + 18}" y="17">${escapeXml(s.name)}</text>`);
    });
  }
  parts.push('</svg>');
  return parts.join('');
}
