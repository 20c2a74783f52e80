/**
 * The few design-system icons shared-ui draws, from their glyphs (the paths of @atlaskit/icon's core
 * set) and with its sizes: medium is 16 px, small 12 px, and "spacious" pads either to 24 px. The
 * package's own icon component ships as CommonJS with a style runtime of its own, which cost each
 * Custom UI surface about 5 KB gzipped for these eight small SVGs (measured with bench/ui-sizes.ts).
 */
import './controls.css';

interface GlyphPath {
  readonly d: string;
  /** The path has holes (fill-rule and clip-rule evenodd). */
  readonly holes?: boolean;
}

const GLYPHS = {
  'chevron-down': [{ d: 'm14.53 6.03-6 6a.75.75 0 0 1-1.004.052l-.056-.052-6-6 1.06-1.06L8 10.44l5.47-5.47z' }],
  cross: [{ d: 'M13.53 3.53 9.06 8l4.47 4.47-1.06 1.06L8 9.06l-4.47 4.47-1.06-1.06L6.94 8 2.47 3.53l1.06-1.06L8 6.94l4.47-4.47z' }],
  'cross-circle': [{ d: 'M8 0a8 8 0 1 1 0 16A8 8 0 0 1 8 0m0 6.94L5.03 3.97 3.97 5.03 6.94 8l-2.97 2.97 1.06 1.06L8 9.06l2.97 2.97 1.06-1.06L9.06 8l2.97-2.97-1.06-1.06z', holes: true }],
  'status-discovery': [
    { d: 'M10.5 15.06v-3.81a.75.75 0 0 1 .75-.75h3.81z' },
    { d: 'M13 1a2 2 0 0 1 2 2v6h-4.75C9.56 9 9 9.56 9 10.25V15H3a2 2 0 0 1-2-2V3a2 2 0 0 1 2-2zM4 9h3V7.5H4zm0-5v1.5h7V4z', holes: true },
  ],
  'status-error': [{ d: 'M6.586.603a2 2 0 0 1 2.828 0l5.983 5.983a2 2 0 0 1 0 2.828l-5.983 5.982a2 2 0 0 1-2.828 0L.604 9.414a2 2 0 0 1 0-2.828zM8 10.25a1 1 0 1 0 0 2 1 1 0 0 0 0-2m-.75-6.5V9h1.5V3.75z', holes: true }],
  'status-information': [{ d: 'M8 0a8 8 0 1 1 0 16A8 8 0 0 1 8 0M6.5 6.75v1.5h.75v4.25h1.5v-5A.75.75 0 0 0 8 6.75zM8 3.5a1 1 0 1 0 0 2 1 1 0 0 0 0-2', holes: true }],
  'status-success': [{ d: 'M8 0a8 8 0 1 1 0 16A8 8 0 0 1 8 0M6.75 9.828 4.826 7.52l-1.152.96 2.5 3a.75.75 0 0 0 1.152 0l5-6-1.152-.96z', holes: true }],
  'status-warning': [
    { d: 'M6.242 1.168c.756-1.395 2.76-1.395 3.516 0l5.9 10.878c.723 1.333-.242 2.953-1.758 2.953H2.1C.584 15-.38 13.38.342 12.046zM8 10.75a1 1 0 1 0 0 2.001 1 1 0 0 0 0-2M7.25 4.5v5h1.5v-5z', holes: true },
  ],
} as const satisfies Record<string, readonly GlyphPath[]>;

export type IconGlyph = keyof typeof GLYPHS;

export interface IconProps {
  readonly glyph: IconGlyph;
  /** What the icon says to a screen reader; "" when the text beside it already says it. */
  readonly label: string;
  readonly size?: 'medium' | 'small';
  readonly spacing?: 'none' | 'spacious';
}

export function Icon({ glyph, label, size = 'medium', spacing = 'none' }: IconProps) {
  const padding = spacing === 'none' ? 0 : size === 'small' ? 8 : 4;
  const box = spacing === 'spacious' ? 24 : size === 'small' ? 12 : 16;
  const paths: readonly GlyphPath[] = GLYPHS[glyph];
  return (
    <span className="ir-icon" {...(label === '' ? { 'aria-hidden': true } : { role: 'img', 'aria-label': label })}>
      <svg viewBox={`${-padding} ${-padding} ${16 + 2 * padding} ${16 + 2 * padding}`} width={box} height={box} fill="none" role="presentation">
        {paths.map((path) => (
          <path key={path.d} fill="currentColor" d={path.d} {...(path.holes === true ? { fillRule: 'evenodd', clipRule: 'evenodd' } : {})} />
        ))}
      </svg>
    </span>
  );
}
