/**
 * The design system's SectionMessage: an icon for its appearance, a title, the message and a row of
 * actions separated by dots. An action with `href` is a link; with `onClick` alone, a link-styled button.
 */
import Heading from '@atlaskit/heading';
import StatusDiscoveryIcon from '@atlaskit/icon/core/status-discovery';
import StatusErrorIcon from '@atlaskit/icon/core/status-error';
import StatusInformationIcon from '@atlaskit/icon/core/status-information';
import StatusSuccessIcon from '@atlaskit/icon/core/status-success';
import StatusWarningIcon from '@atlaskit/icon/core/status-warning';
import { Children, type MouseEvent, type ReactNode } from 'react';
import { LinkButton } from './button';
import './controls.css';

export type SectionMessageAppearance = 'information' | 'warning' | 'error' | 'success' | 'discovery';

const ICONS = {
  information: StatusInformationIcon,
  warning: StatusWarningIcon,
  error: StatusErrorIcon,
  success: StatusSuccessIcon,
  discovery: StatusDiscoveryIcon,
} as const;

export interface SectionMessageProps {
  readonly appearance?: SectionMessageAppearance;
  readonly title?: string;
  readonly children: ReactNode;
  readonly actions?: readonly ReactNode[];
  readonly testId?: string;
}

export function SectionMessage({ appearance = 'information', title, children, actions = [], testId }: SectionMessageProps) {
  const Icon = ICONS[appearance];
  const shown = Children.toArray(actions);
  return (
    <section className={`ir-section-message ir-section-message--${appearance}`} data-testid={testId}>
      <div className="ir-section-message__layout">
        <div className="ir-section-message__icon">
          <Icon label={appearance} color="currentColor" spacing="spacious" />
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
