/**
 * The design system's Textfield and TextArea: native inputs in the design system's field frame
 * (border, hover, focus ring, invalid and disabled states from controls.css). Everything else an
 * input takes (type, min, list, autoComplete…) passes straight through. NativeSelect is a short,
 * fixed list as the browser's own <select> in the same frame, where a searchable Select is more than
 * the choice needs.
 */
import { useLayoutEffect, useRef, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import './controls.css';
import { classes } from './layout';

const WIDTHS = { xsmall: 80, small: 160, medium: 240, large: 320, xlarge: 480 } as const;

interface FieldLook {
  readonly isInvalid?: boolean;
  readonly isDisabled?: boolean;
  readonly isReadOnly?: boolean;
  readonly isMonospaced?: boolean;
  readonly testId?: string;
}

function frameClasses(isInvalid = false, isDisabled = false): string {
  return classes('ir-field', isInvalid && 'ir-field--invalid', isDisabled && 'ir-field--disabled');
}

export interface TextfieldProps extends FieldLook, Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'style' | 'disabled' | 'readOnly' | 'width'> {
  readonly width?: keyof typeof WIDTHS | number;
}

export function Textfield({ isInvalid, isDisabled, isReadOnly, isMonospaced = false, testId, width, ...input }: TextfieldProps) {
  const maxWidth = width === undefined ? undefined : typeof width === 'number' ? width : WIDTHS[width];
  return (
    // React sets the width through the CSSOM, which the content security policy allows (unlike inline style markup).
    <div className={frameClasses(isInvalid, isDisabled)} style={maxWidth === undefined ? undefined : { maxWidth }}>
      <input
        {...input}
        className={classes('ir-field__input', isMonospaced && 'ir-field__input--monospaced')}
        disabled={isDisabled}
        readOnly={isReadOnly}
        aria-invalid={isInvalid === true ? true : input['aria-invalid']}
        data-testid={testId}
      />
    </div>
  );
}

export interface TextAreaProps extends FieldLook, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className' | 'style' | 'disabled' | 'readOnly' | 'rows'> {
  readonly minimumRows?: number;
  /** "smart" (the default) grows with the text up to `maxHeight`; the others let the person drag. */
  readonly resize?: 'smart' | 'vertical' | 'none' | 'both';
  readonly maxHeight?: string;
}

export function TextArea({ isInvalid, isDisabled, isReadOnly, isMonospaced = false, testId, minimumRows = 1, resize = 'smart', maxHeight, ...textarea }: TextAreaProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null || resize !== 'smart') return;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight + 2}px`;
  }, [resize, textarea.value]);
  return (
    <div className={frameClasses(isInvalid, isDisabled)}>
      <textarea
        {...textarea}
        ref={ref}
        rows={minimumRows}
        className={classes('ir-field__input', isMonospaced && 'ir-field__input--monospaced', resize === 'smart' || resize === 'none' ? 'ir-field__input--resize-none' : resize === 'both' && 'ir-field__input--resize-both')}
        style={maxHeight === undefined ? undefined : { maxHeight }}
        disabled={isDisabled}
        readOnly={isReadOnly}
        aria-invalid={isInvalid === true ? true : textarea['aria-invalid']}
        data-testid={testId}
      />
    </div>
  );
}

export type NativeSelectProps = Omit<FieldLook, 'isReadOnly' | 'isMonospaced'> & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className' | 'style' | 'disabled' | 'multiple'>;

export function NativeSelect({ isInvalid, isDisabled, testId, children, ...select }: NativeSelectProps) {
  return (
    <div className={frameClasses(isInvalid, isDisabled)}>
      <select {...select} className="ir-field__input" disabled={isDisabled} aria-invalid={isInvalid === true ? true : select['aria-invalid']} data-testid={testId}>
        {children}
      </select>
    </div>
  );
}
