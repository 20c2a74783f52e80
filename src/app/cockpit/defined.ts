/** The object's properties with their undefined ones left out (for optional properties under exactOptionalPropertyTypes). */
export type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/** Drops the properties whose value is undefined, so the result can be spread into an object with optional properties. */
export function definedOnly<T extends object>(value: T): Defined<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Defined<T>;
}
