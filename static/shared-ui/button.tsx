/**
 * The design system's Button, as a plain <button> with its looks (see controls.css). While
 * `isLoading`, a spinner covers the label and clicks are ignored, but the button keeps its focus.
 */
import Spinner from '@atlaskit/spinner';
import type { MouseEvent, ReactNode } from 'react';
import './controls.css';
import { classes } from './layout';

export interface ButtonProps {
  readonly children: ReactNode;
  readonly appearance?: 'default' | 'primary' | 'subtle' | 'danger' | 'warning';
  readonly spacing?: 'default' | 'compact';
  readonly type?: 'button' | 'submit';
  readonly isDisabled?: boolean;
  readonly isLoading?: boolean;
  readonly shouldFitContainer?: boolean;
  readonly onClick?: (event: MouseEvent<HTMLButtonElement>) => void;
  readonly testId?: string;
  readonly 'aria-label'?: string;
  readonly 'aria-expanded'?: boolean;
  readonly 'aria-controls'?: string;
}

export function Button({ children, appearance = 'default', spacing = 'default', type = 'button', isDisabled = false, isLoading = false, shouldFitContainer = false, onClick, testId, ...aria }: ButtonProps) {
  return (
    <button
      {...aria}
      // A submit button stays a submit button while loading; the click is stopped instead, so Enter in the form cannot send twice.
      type={type}
      className={classes('ir-button', `ir-button--${appearance}`, spacing === 'compact' && 'ir-button--compact', shouldFitContainer && 'ir-button--full-width')}
      disabled={isDisabled}
      aria-busy={isLoading || undefined}
      onClick={(event) => {
        if (isLoading) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
      data-testid={testId}
    >
      <span className="ir-button__label">{children}</span>
      {isLoading ? (
        <span className="ir-button__spinner">
          <Spinner size="small" appearance={appearance === 'primary' || appearance === 'danger' ? 'invert' : 'inherit'} label="Loading" />
        </span>
      ) : null}
    </button>
  );
}

/** A button that reads as a link: a section message's actions, in a sentence's flow. */
export function LinkButton({ children, onClick, testId }: { children: ReactNode; onClick: (event: MouseEvent<HTMLButtonElement>) => void; testId?: string }) {
  return (
    <button type="button" className="ir-link-button" onClick={onClick} data-testid={testId}>
      {children}
    </button>
  );
}
