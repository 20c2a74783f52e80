/** What a select shows and does, apart from the page: which options match, which is active, what choosing does. */

export interface SelectOption<V extends string | number = string> {
  readonly label: string;
  readonly value: V;
}

/** The options to list for `query`: labels containing it (any case), without those already chosen. */
export function matchingOptions<O extends SelectOption<string | number>>(options: readonly O[], query: string, chosen: readonly O[] = []): O[] {
  const wanted = query.trim().toLocaleLowerCase();
  return options.filter((option) => !chosen.some((value) => value.value === option.value) && (wanted === '' || option.label.toLocaleLowerCase().includes(wanted)));
}

/** The option the arrow keys move to, wrapping at either end; -1 when nothing is listed. */
export function movedActive(active: number, key: 'ArrowDown' | 'ArrowUp', count: number): number {
  if (count === 0) return -1;
  if (active < 0) return key === 'ArrowDown' ? 0 : count - 1;
  return key === 'ArrowDown' ? (active + 1) % count : (active - 1 + count) % count;
}

/** The values of a multi-select once `option` is added (at the end) or, when already there, left as they are. */
export function withChosen<O extends SelectOption<string | number>>(values: readonly O[], option: O): O[] {
  return values.some((value) => value.value === option.value) ? [...values] : [...values, option];
}

/** The values of a multi-select without the one whose value is `removed`. */
export function withoutChosen<O extends SelectOption<string | number>>(values: readonly O[], removed: O['value']): O[] {
  return values.filter((value) => value.value !== removed);
}
