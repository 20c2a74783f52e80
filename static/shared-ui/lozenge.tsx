/** The design system's Lozenge: a short status in a coloured box, named by the same appearances. */
import type { ReactNode } from 'react';
import './controls.css';

export type LozengeAppearance = 'default' | 'success' | 'removed' | 'inprogress' | 'new' | 'moved';

const TONES: Readonly<Record<LozengeAppearance, string>> = {
  default: 'neutral',
  success: 'success',
  removed: 'danger',
  inprogress: 'information',
  new: 'discovery',
  moved: 'warning',
};

export function Lozenge({ appearance = 'default', children, testId }: { appearance?: LozengeAppearance; children: ReactNode; testId?: string }) {
  return (
    <span className={`ir-lozenge ir-lozenge--${TONES[appearance]}`} data-testid={testId}>
      <span className="ir-lozenge__text">{children}</span>
    </span>
  );
}
