/** Layout the compiled primitives do not offer without a build-time style compiler: grid columns and plain styled boxes. */
import Heading from '@atlaskit/heading';
import { Inline, Stack } from '@atlaskit/primitives/compiled';
import type { ReactNode } from 'react';
import './ui.css';

type Space = '100' | '150' | '200' | '300';

/** A grid whose columns follow `template` (CSS grid-template-columns), e.g. "2fr 1fr auto". */
export function Columns({ template, gap = '150', children, testId }: { template: string; gap?: Space; children: ReactNode; testId?: string }) {
  // React sets these through the CSSOM, which a style-src policy allows (unlike inline style markup).
  return (
    <div className="ir-columns" style={{ gridTemplateColumns: template, gap: `var(--ds-space-${gap})` }} data-testid={testId}>
      {children}
    </div>
  );
}

/** Joins class names, skipping the ones switched off. */
export function classes(...names: readonly (string | false | undefined)[]): string {
  return names.filter((name): name is string => typeof name === 'string' && name !== '').join(' ');
}

/** Text a person types or copies exactly (an event name, a header), in the code font. */
export function Code({ children }: { children: ReactNode }) {
  return <code className="ir-code">{children}</code>;
}

/** A titled part of a page or tab, with its actions (buttons) at the end of the title's line. */
export function Section({ title, actions, children, testId }: { title: string; actions?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Stack space="space.100" {...(testId === undefined ? {} : { testId })}>
      <Inline spread="space-between" alignBlock="center">
        <Heading size="xsmall" as="h3">
          {title}
        </Heading>
        {actions}
      </Inline>
      {children}
    </Stack>
  );
}
