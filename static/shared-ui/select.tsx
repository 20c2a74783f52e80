/**
 * The design system's Select, single and multi, as an ARIA combobox: a text field that filters a
 * list of options (or asks `loadOptions` for them, as AsyncSelect does) opening below it. Keyboard:
 * arrows move through the options, Enter chooses, Escape closes, Backspace removes the last value of
 * a multi-select (or clears a clearable one); the mouse works as on any select. Looks from controls.css.
 * When `loadOptions` fails, the menu says why instead of claiming that nothing matches.
 */
import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import './controls.css';
import { Icon } from './icon';
import { classes } from './layout';
import { matchingOptions, movedActive, withChosen, withoutChosen, type SelectOption } from './select-model';

export type { SelectOption } from './select-model';

interface CommonProps<O> {
  readonly inputId: string;
  /** The options to choose from; or, instead, `loadOptions`. */
  readonly options?: readonly O[];
  /** Finds the options for what was typed (an empty query when the menu opens); the latest answer wins; a rejection's message is shown in the menu. */
  readonly loadOptions?: (query: string) => Promise<readonly O[]>;
  readonly placeholder?: string;
  readonly isInvalid?: boolean;
  readonly isDisabled?: boolean;
  /** What the menu says when nothing is listed; a function is told what was typed. */
  readonly noOptionsMessage?: string | ((query: string) => string);
  readonly testId?: string;
  /** Submitted with the form, as a hidden input holding the chosen value(s). */
  readonly name?: string;
  readonly descriptionId?: string;
  readonly 'aria-label'?: string;
}

export interface SelectProps<O> extends CommonProps<O> {
  readonly value: O | null;
  readonly onChange: (option: O | null) => void;
  readonly isClearable?: boolean;
}

export interface MultiSelectProps<O> extends CommonProps<O> {
  readonly value: readonly O[];
  readonly onChange: (options: O[]) => void;
}

type Loaded<O> = { readonly query: string; readonly options: readonly O[]; readonly failure?: string } | undefined;

/** A select that holds one option, or none. */
export function Select<O extends SelectOption<string | number>>({ value, onChange, isClearable = false, ...common }: SelectProps<O>) {
  return (
    <Combobox
      {...common}
      chosen={value === null ? [] : [value]}
      isMulti={false}
      isClearable={isClearable}
      onChoose={(option) => onChange(option)}
      onRemove={() => onChange(null)}
      onClear={() => onChange(null)}
    />
  );
}

/** A select that holds several options, shown as tags in the order chosen. */
export function MultiSelect<O extends SelectOption<string | number>>({ value, onChange, ...common }: MultiSelectProps<O>) {
  return (
    <Combobox
      {...common}
      chosen={value}
      isMulti
      isClearable
      onChoose={(option) => onChange(withChosen(value, option))}
      onRemove={(option) => onChange(withoutChosen(value, option.value))}
      onClear={() => onChange([])}
    />
  );
}

interface ComboboxProps<O> extends CommonProps<O> {
  readonly chosen: readonly O[];
  readonly isMulti: boolean;
  readonly isClearable: boolean;
  readonly onChoose: (option: O) => void;
  readonly onRemove: (option: O) => void;
  readonly onClear: () => void;
}

function Combobox<O extends SelectOption<string | number>>(props: ComboboxProps<O>) {
  const { inputId, options, loadOptions, placeholder = 'Select…', isInvalid = false, isDisabled = false, noOptionsMessage = 'No options', testId, name, descriptionId, chosen, isMulti, isClearable } = props;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [loaded, setLoaded] = useState<Loaded<O>>(undefined);
  const inputRef = useRef<HTMLInputElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const cache = useRef(new Map<string, readonly O[]>());
  const listboxId = `${inputId}-listbox`;

  useEffect(() => {
    if (!open || loadOptions === undefined) return undefined;
    const cached = cache.current.get(query);
    if (cached !== undefined) {
      setLoaded({ query, options: cached });
      return undefined;
    }
    let current = true;
    // Typing fast asks once, for what was typed last.
    const timer = window.setTimeout(() => {
      loadOptions(query).then(
        (found) => {
          cache.current.set(query, found);
          if (current) setLoaded({ query, options: found });
        },
        (error: unknown) => {
          // A failed search is not cached: the next keystroke (or reopening) asks again.
          if (current) setLoaded({ query, options: [], failure: error instanceof Error && error.message !== '' ? error.message : 'The search failed.' });
        },
      );
    }, 150);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [open, query, loadOptions]);

  useEffect(() => {
    // An auto-sized frame does not grow for the menu, so scroll it into view as the native select would.
    if (open) menuRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [open]);

  const loading = loadOptions !== undefined && loaded?.query !== query;
  const source = loadOptions === undefined ? matchingOptions(options ?? [], query) : (loaded?.options ?? []);
  const listed = isMulti ? source.filter((option) => !chosen.some((value) => value.value === option.value)) : source;
  const activeOption = active >= 0 ? listed[active] : undefined;
  const single = isMulti ? undefined : chosen[0];

  const openMenu = () => {
    if (isDisabled) return;
    setOpen(true);
    const selectedIndex = single === undefined ? -1 : listed.findIndex((option) => option.value === single.value);
    setActive(selectedIndex >= 0 ? selectedIndex : 0);
  };
  const closeMenu = () => {
    setOpen(false);
    setQuery('');
    setActive(-1);
  };
  const choose = (option: O) => {
    props.onChoose(option);
    closeMenu();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        if (open) setActive(movedActive(active, event.key, listed.length));
        else openMenu();
        return;
      case 'Enter':
        if (!open) return;
        // Enter chooses; it must not also submit the form around the select.
        event.preventDefault();
        if (activeOption !== undefined) choose(activeOption);
        return;
      case 'Escape':
        if (!open) return;
        event.preventDefault();
        event.stopPropagation();
        closeMenu();
        return;
      case 'Tab':
        if (open) closeMenu();
        return;
      case 'Backspace': {
        // With nothing typed, Backspace takes back the last choice, as the clear button would.
        const last = chosen[chosen.length - 1];
        if ((isMulti || isClearable) && query === '' && last !== undefined) props.onRemove(last);
        return;
      }
      default:
        return;
    }
  };

  const onControlMouseDown = (event: MouseEvent<HTMLDivElement>) => {
    if (isDisabled || (event.target instanceof Element && event.target.closest('button') !== null)) return;
    if (event.target !== inputRef.current) event.preventDefault();
    inputRef.current?.focus();
    if (open) closeMenu();
    else openMenu();
  };

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
    closeMenu();
  };

  const showPlaceholder = query === '' && chosen.length === 0;
  const notice = loading ? 'Loading…' : loaded?.failure !== undefined ? loaded.failure : listed.length === 0 ? (typeof noOptionsMessage === 'string' ? noOptionsMessage : noOptionsMessage(query)) : undefined;

  return (
    <div className={classes('ir-select', isInvalid && 'ir-select--invalid', isDisabled && 'ir-select--disabled')} data-testid={testId} onBlur={onBlur}>
      <div className="ir-select__control" onMouseDown={onControlMouseDown}>
        <div className="ir-select__value-container">
          {isMulti
            ? chosen.map((option) => (
                <span key={option.value} className="ir-select__tag">
                  <span className="ir-select__tag-label">{option.label}</span>
                  <button type="button" className="ir-select__tag-remove" aria-label={`Remove ${option.label}`} disabled={isDisabled} onClick={() => props.onRemove(option)}>
                    <Icon glyph="cross" label="" size="small" />
                  </button>
                </span>
              ))
            : null}
          {single !== undefined && query === '' ? <div className="ir-select__single-value">{single.label}</div> : null}
          {showPlaceholder ? <div className="ir-select__single-value ir-select__placeholder">{placeholder}</div> : null}
          <input
            ref={inputRef}
            id={inputId}
            className="ir-select__input"
            role="combobox"
            aria-expanded={open}
            aria-controls={listboxId}
            aria-autocomplete="list"
            aria-activedescendant={open && activeOption !== undefined ? `${inputId}-option-${active}` : undefined}
            aria-invalid={isInvalid || undefined}
            aria-describedby={descriptionId}
            aria-label={props['aria-label']}
            autoComplete="off"
            spellCheck={false}
            value={query}
            disabled={isDisabled}
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              setOpen(true);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          {name === undefined ? null : <input type="hidden" name={name} value={chosen.map((option) => String(option.value)).join(',')} />}
        </div>
        <div className="ir-select__indicators">
          {isClearable && chosen.length > 0 && !isDisabled ? (
            <button type="button" className="ir-select__indicator" aria-label="Clear" tabIndex={-1} onClick={props.onClear}>
              <Icon glyph="cross-circle" label="" size="small" />
            </button>
          ) : null}
          <span className="ir-select__indicator" aria-hidden="true">
            <Icon glyph="chevron-down" label="" size="small" />
          </span>
        </div>
      </div>
      {open ? (
        <div className="ir-select__menu" ref={menuRef}>
          <ul className="ir-select__listbox" role="listbox" id={listboxId}>
            {loading
              ? null
              : listed.map((option, index) => (
                  <li
                    key={option.value}
                    id={`${inputId}-option-${index}`}
                    role="option"
                    aria-selected={single !== undefined && option.value === single.value}
                    className={classes('ir-select__option', index === active && 'ir-select__option--active')}
                    // Keeps the focus in the field, so choosing does not close the menu by blurring it first.
                    onMouseDown={(event) => event.preventDefault()}
                    onMouseMove={() => {
                      if (index !== active) setActive(index);
                    }}
                    onClick={() => choose(option)}
                  >
                    {option.label}
                  </li>
                ))}
          </ul>
          {notice === undefined ? null : (
            <div className="ir-select__notice" role="status">
              {notice}
            </div>
          )}
        </div>
      ) : null}
    </div>
  );
}
