/**
 * The design system's SectionMessage: an icon for its appearance, a title, the message and a row of
 * actions separated by dots. An action with `href` is a link; with `onClick` alone, a link-styled button.
 * A message that reports what an action just did takes `role` ("alert" for a failure, "status"
 * otherwise) so screen readers announce it, and `onDismiss` for a "Dismiss" button.
 */
import Heading from '@atlaskit/heading';
import { Children, type MouseEvent, type ReactNode } from 'react';
import { Button, LinkButton } from './button';
import { Icon, type IconGlyph } from './icon';
import './controls.css';

export type SectionMessageAppearance = 'information' | 'warning' | 'error' | 'success' | 'discovery';

const ICONS: Readonly<Record<SectionMessageAppearance, IconGlyph>> = {
  information: 'status-information',
  warning: 'status-warning',
  error: 'status-error',
  success: 'status-success',
  discovery: 'status-discovery',
};

export interface SectionMessageProps {
  readonly appearance?: SectionMessageAppearance;
  readonly title?: string;
  readonly children: ReactNode;
  readonly actions?: readonly ReactNode[];
  readonly testId?: string;
  readonly role?: 'alert' | 'status';
  readonly onDismiss?: () => void;
}

export function SectionMessage({ appearance = 'information', title, children, actions = [], testId, role, onDismiss }: SectionMessageProps) {
  const shown = Children.toArray(actions);
  return (
    <section className={`ir-section-message ir-section-message--${appearance}`} data-testid={testId} role={role}>
      <div className="ir-section-message__layout">
        <div className="ir-section-message__icon">
          <Icon glyph={ICONS[appearance]} label={appearance} spacing="spacious" />
        </div>
        <div className="ir-section-message__content">
          {title === undefined ? null : (
            <Heading size="small" as="h2">
              {title}
            </Heading>
          )}
          <div>{children}</div>
          {shown.length === 0 ? null : (
            <ul className="ir-section-message__actions">
              {shown.map((action, index) => (
                <li key={index}>{action}</li>
              ))}
            </ul>
          )}
        </div>
        {onDismiss === undefined ? null : (
          <div className="ir-section-message__dismiss">
            <Button appearance="subtle" spacing="compact" onClick={onDismiss} aria-label="Dismiss">
              <Icon glyph="cross" label="" size="small" />
            </Button>
          </div>
        )}
      </div>
    </section>
  );
}

export function SectionMessageAction({ children, href, onClick, testId }: { children: ReactNode; href?: string; onClick?: (event: MouseEvent<HTMLElement>) => void; testId?: string }) {
  if (href !== undefined) {
    return (
      <a href={href} onClick={onClick} data-testid={testId}>
        {children}
      </a>
    );
  }
  return (
    <LinkButton onClick={(event) => onClick?.(event)} {...(testId === undefined ? {} : { testId })}>
      {children}
    </LinkButton>
  );
}
