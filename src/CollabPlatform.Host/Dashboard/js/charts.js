// Indicator progress as a small horizontal bar chart in SVG: one row per indicator, the bar is
// the actual value as a share of the target, the label says both.
const NS = 'http://www.w3.org/2000/svg';

function node(name, attributes, text) {
  const element = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, String(value));
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

export function indicatorChart(indicators) {
  const rowHeight = 34;
  const width = 420;
  const barX = 0;
  const barWidth = width - 90;
  const svg = node('svg', {
    class: 'indicator-chart',
    viewBox: `0 0 ${width} ${Math.max(1, indicators.length) * rowHeight}`,
    role: 'img',
    'aria-label': 'indicator progress',
  });
  indicators.forEach((indicator, index) => {
    const y = index * rowHeight;
    const target = Number(indicator.target ?? 0);
    const actual = indicator.actual === undefined || indicator.actual === null ? null : Number(indicator.actual);
    const share = target > 0 && actual !== null ? Math.max(0, actual / target) : 0;
    const percent = Math.round(share * 100);
    const row = node('g', { class: 'indicator', 'data-indicator-id': indicator.id ?? '', 'data-percent': actual === null ? '' : percent });
    row.append(node('text', { x: barX, y: y + 11, class: 'indicator-name' }, `${indicator.name} (${indicator.unit})`));
    row.append(node('rect', { x: barX, y: y + 15, width: barWidth, height: 12, rx: 3, class: 'bar-track' }));
    row.append(node('rect', {
      x: barX,
      y: y + 15,
      width: Math.min(1, share) * barWidth,
      height: 12,
      rx: 3,
      class: share >= 1 ? 'bar-done' : 'bar-progress',
    }));
    const label = actual === null ? `– / ${target}` : `${actual} / ${target} (${percent}%)`;
    row.append(node('text', { x: barWidth + 6, y: y + 26, class: 'indicator-value' }, label));
    svg.append(row);
  });
  return svg;
}
