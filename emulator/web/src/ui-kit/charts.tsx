/**
 * UI Kit's chart components (`BarChart`, `HorizontalBarChart`, `StackBarChart`,
 * `HorizontalStackBarChart`, `LineChart`, `PieChart`, `DonutChart`), drawn as small SVGs with
 * Design System colour tokens. Jira draws them with its own charting library; what matters here is
 * the same data read the same way: each datum is an array or an object, and the accessors name the
 * index or key of its x, y, colour (series), value and label. Every mark carries its label and value
 * (`data-label`, `data-value`, a `<title>`) so a person hovering — and a test — can read the figures.
 */
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import { displayText, type Props } from './forge-doc';

const palette = [
  token('color.background.accent.blue.bolder', '#0C66E4'),
  token('color.background.accent.teal.bolder', '#1D7F8C'),
  token('color.background.accent.purple.bolder', '#6E5DC6'),
  token('color.background.accent.orange.bolder', '#C25100'),
  token('color.background.accent.magenta.bolder', '#AE4787'),
  token('color.background.accent.lime.bolder', '#4C6B1F'),
  token('color.background.accent.red.bolder', '#C9372C'),
  token('color.background.accent.yellow.bolder', '#946F00'),
];
const axisColor = token('color.border', '#091E4224');
const textColor = token('color.text.subtle', '#44546F');

type Accessor = number | string;

function accessorOf(props: Props, name: string): Accessor | undefined {
  const value = props.raw(name);
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

function read(datum: unknown, accessor: Accessor | undefined): unknown {
  if (accessor === undefined || datum === null || typeof datum !== 'object') return undefined;
  if (Array.isArray(datum)) return typeof accessor === 'number' ? datum[accessor] : undefined;
  return (datum as Record<string, unknown>)[String(accessor)];
}

function numberOf(value: unknown): number {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(parsed) ? parsed : 0;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** A round axis maximum: 1, 2 or 5 times a power of ten, at least the largest value. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

interface Frame {
  title?: string;
  subtitle?: string;
  width: number;
  height: number;
  testId?: string;
  kind: string;
  legend: string[];
  showBorder: boolean;
  children: ReactNode;
}

function ChartFrame({ title, subtitle, width, height, testId, kind, legend, showBorder, children }: Frame) {
  return (
    <figure
      data-testid={testId}
      data-chart={kind}
      style={{ margin: 0, padding: showBorder ? 8 : 0, border: showBorder ? `1px solid ${axisColor}` : 'none', borderRadius: 4, maxWidth: width, font: token('font.body.small') }}
    >
      {title === undefined ? null : <figcaption style={{ font: token('font.heading.xsmall'), color: token('color.text') }}>{title}</figcaption>}
      {subtitle === undefined ? null : <div style={{ color: textColor }}>{subtitle}</div>}
      <svg role="img" aria-label={title ?? kind} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ display: 'block', maxHeight: height }}>
        {children}
      </svg>
      {legend.length > 1 ? (
        <ul aria-label="Legend" style={{ display: 'flex', flexWrap: 'wrap', gap: 12, listStyle: 'none', margin: '4px 0 0', padding: 0, color: textColor }}>
          {legend.map((name, index) => (
            <li key={name} data-series={name} style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
              <span style={{ width: 10, height: 10, borderRadius: 2, background: palette[index % palette.length] }} />
              {name}
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}

interface Series {
  categories: string[];
  series: string[];
  /** value[category][series] */
  value: (category: string, series: string) => number;
}

function seriesOf(props: Props, categoryName: string, valueName: string): Series {
  const data = props.array('data') ?? [];
  const categoryAccessor = accessorOf(props, categoryName);
  const valueAccessor = accessorOf(props, valueName);
  const colorAccessor = accessorOf(props, 'colorAccessor');
  const totals = new Map<string, number>();
  const categories: string[] = [];
  const series: string[] = [];
  for (const datum of data) {
    const category = displayText(read(datum, categoryAccessor));
    const name = colorAccessor === undefined ? '' : displayText(read(datum, colorAccessor));
    categories.push(category);
    series.push(name);
    const key = `${category}\u0000${name}`;
    totals.set(key, (totals.get(key) ?? 0) + numberOf(read(datum, valueAccessor)));
  }
  return { categories: unique(categories), series: unique(series), value: (category, name) => totals.get(`${category}\u0000${name}`) ?? 0 };
}

function size(props: Props): { width: number; height: number } {
  return { width: props.number('width') ?? 480, height: props.number('height') ?? 240 };
}

function frameProps(props: Props, kind: string, legend: string[]): Omit<Frame, 'children'> {
  const title = props.string('title');
  const subtitle = props.string('subtitle');
  const testId = props.testId;
  return { ...size(props), kind, legend, showBorder: props.boolean('showBorder') ?? false, ...(title === undefined ? {} : { title }), ...(subtitle === undefined ? {} : { subtitle }), ...(testId === undefined ? {} : { testId }) };
}

const margin = { top: 8, right: 8, bottom: 28, left: 40 };

/** Vertical or horizontal bars; with a colour accessor the series are grouped side by side, or stacked. */
export function BarChartView({ props, horizontal, stacked, kind }: { props: Props; horizontal: boolean; stacked: boolean; kind: string }) {
  // A horizontal chart reads its categories from yAccessor and its values from xAccessor.
  const { categories, series, value } = horizontal ? seriesOf(props, 'yAccessor', 'xAccessor') : seriesOf(props, 'xAccessor', 'yAccessor');
  const { width, height } = size(props);
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const stackTotal = (category: string) => series.reduce((sum, name) => sum + value(category, name), 0);
  const largest = Math.max(0, ...categories.map((category) => (stacked ? stackTotal(category) : Math.max(0, ...series.map((name) => value(category, name))))));
  const top = niceMax(largest);
  const band = (horizontal ? plotH : plotW) / Math.max(1, categories.length);
  const scale = (amount: number) => (amount / top) * (horizontal ? plotW : plotH);
  const marks: ReactNode[] = [];
  categories.forEach((category, categoryIndex) => {
    let offset = 0;
    series.forEach((name, seriesIndex) => {
      const amount = value(category, name);
      const length = scale(amount);
      const thickness = stacked ? band * 0.7 : (band * 0.7) / Math.max(1, series.length);
      const along = categoryIndex * band + band * 0.15 + (stacked ? 0 : seriesIndex * thickness);
      const rect = horizontal
        ? { x: margin.left + offset, y: margin.top + along, width: length, height: thickness }
        : { x: margin.left + along, y: margin.top + plotH - offset - length, width: thickness, height: length };
      if (stacked) offset += length;
      const label = name === '' ? category : `${category} · ${name}`;
      marks.push(
        <rect key={`${category}-${name}`} {...rect} fill={palette[seriesIndex % palette.length]} data-label={label} data-value={amount} rx={1}>
          <title>{`${label}: ${amount}`}</title>
        </rect>,
      );
    });
  });
  const ticks = [0, top / 2, top];
  return (
    <ChartFrame {...frameProps(props, kind, series.filter((name) => name !== ''))}>
      <line x1={margin.left} y1={margin.top + plotH} x2={margin.left + plotW} y2={margin.top + plotH} stroke={axisColor} />
      <line x1={margin.left} y1={margin.top} x2={margin.left} y2={margin.top + plotH} stroke={axisColor} />
      {ticks.map((tick) =>
        horizontal ? (
          <text key={tick} x={margin.left + scale(tick)} y={height - 14} fontSize={10} fill={textColor} textAnchor="middle">
            {tick}
          </text>
        ) : (
          <text key={tick} x={margin.left - 4} y={margin.top + plotH - scale(tick) + 3} fontSize={10} fill={textColor} textAnchor="end">
            {tick}
          </text>
        ),
      )}
      {categories.map((category, index) =>
        horizontal ? (
          <text key={category} x={margin.left - 4} y={margin.top + index * band + band / 2 + 3} fontSize={10} fill={textColor} textAnchor="end">
            {category}
          </text>
        ) : (
          <text key={category} x={margin.left + index * band + band / 2} y={height - 14} fontSize={10} fill={textColor} textAnchor="middle">
            {category}
          </text>
        ),
      )}
      {marks}
    </ChartFrame>
  );
}

/** One line per series (colour accessor), points at each x in the order the data gives them. */
export function LineChartView({ props }: { props: Props }) {
  const { categories, series, value } = seriesOf(props, 'xAccessor', 'yAccessor');
  const { width, height } = size(props);
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const top = niceMax(Math.max(0, ...categories.flatMap((category) => series.map((name) => value(category, name)))));
  const x = (index: number) => margin.left + (categories.length <= 1 ? plotW / 2 : (index / (categories.length - 1)) * plotW);
  const y = (amount: number) => margin.top + plotH - (amount / top) * plotH;
  return (
    <ChartFrame {...frameProps(props, 'LineChart', series.filter((name) => name !== ''))}>
      <line x1={margin.left} y1={margin.top + plotH} x2={margin.left + plotW} y2={margin.top + plotH} stroke={axisColor} />
      <line x1={margin.left} y1={margin.top} x2={margin.left} y2={margin.top + plotH} stroke={axisColor} />
      <text x={margin.left - 4} y={margin.top + 3} fontSize={10} fill={textColor} textAnchor="end">
        {top}
      </text>
      {categories.map((category, index) => (
        <text key={category} x={x(index)} y={height - 14} fontSize={10} fill={textColor} textAnchor="middle">
          {category}
        </text>
      ))}
      {series.map((name, seriesIndex) => {
        const color = palette[seriesIndex % palette.length];
        const points = categories.map((category, index) => `${x(index)},${y(value(category, name))}`).join(' ');
        return (
          <g key={name} data-series={name}>
            <polyline points={points} fill="none" stroke={color} strokeWidth={2} />
            {categories.map((category, index) => {
              const amount = value(category, name);
              const label = name === '' ? category : `${category} · ${name}`;
              return (
                <circle key={category} cx={x(index)} cy={y(amount)} r={3} fill={color} data-label={label} data-value={amount}>
                  <title>{`${label}: ${amount}`}</title>
                </circle>
              );
            })}
          </g>
        );
      })}
    </ChartFrame>
  );
}

function arc(cx: number, cy: number, outer: number, inner: number, from: number, to: number): string {
  const point = (radius: number, angle: number) => `${cx + radius * Math.sin(angle)},${cy - radius * Math.cos(angle)}`;
  // A full circle cannot be one arc: stop just short of it.
  const end = to - from >= Math.PI * 2 ? from + Math.PI * 2 - 0.0001 : to;
  const large = end - from > Math.PI ? 1 : 0;
  const outerPath = `M${point(outer, from)} A${outer},${outer} 0 ${large} 1 ${point(outer, end)}`;
  if (inner <= 0) return `${outerPath} L${cx},${cy} Z`;
  return `${outerPath} L${point(inner, end)} A${inner},${inner} 0 ${large} 0 ${point(inner, from)} Z`;
}

/** Slices by label (labelAccessor), sized by value (valueAccessor), coloured by colorAccessor. */
export function PieChartView({ props, donut }: { props: Props; donut: boolean }) {
  const data = props.array('data') ?? [];
  const labelAccessor = accessorOf(props, 'labelAccessor');
  const valueAccessor = accessorOf(props, 'valueAccessor');
  const colorAccessor = accessorOf(props, 'colorAccessor');
  const slices = data.map((datum) => ({
    label: displayText(read(datum, labelAccessor)),
    color: displayText(read(datum, colorAccessor ?? labelAccessor ?? 0)),
    amount: Math.max(0, numberOf(read(datum, valueAccessor))),
  }));
  const colors = unique(slices.map((slice) => slice.color));
  const total = slices.reduce((sum, slice) => sum + slice.amount, 0);
  const { width, height } = size(props);
  const outer = props.number('outerRadius') ?? Math.min(width, height) / 2 - 8;
  const inner = donut ? (props.number('innerRadius') ?? outer * 0.6) : 0;
  let angle = 0;
  return (
    <ChartFrame {...frameProps(props, donut ? 'DonutChart' : 'PieChart', unique(slices.map((slice) => slice.label)))}>
      {slices.map((slice) => {
        const from = angle;
        angle += total === 0 ? 0 : (slice.amount / total) * Math.PI * 2;
        return (
          <path key={slice.label} d={arc(width / 2, height / 2, outer, inner, from, angle)} fill={palette[colors.indexOf(slice.color) % palette.length]} data-label={slice.label} data-value={slice.amount}>
            <title>{`${slice.label}: ${slice.amount}`}</title>
          </path>
        );
      })}
      {donut ? (
        <text x={width / 2} y={height / 2 + 5} textAnchor="middle" fontSize={16} fill={token('color.text')}>
          {total}
        </text>
      ) : null}
    </ChartFrame>
  );
}
