import * as v from 'valibot';

/**
 * Field schemas the record schemas share, with messages a reader can act on ("must be at most 100
 * characters") instead of valibot's defaults ("Invalid length: Expected <=100 but received 101").
 */

/** Text with something in it besides spaces, at most `max` characters long. */
export function filledText(max: number) {
  return v.pipe(
    v.string('must be a non-empty string'),
    v.check((text) => text.trim() !== '', 'must be a non-empty string'),
    v.maxLength(max, `must be at most ${max} characters`),
  );
}

/** Text that may be empty, at most `max` characters long. */
export function boundedText(max: number) {
  return v.pipe(v.string('must be text'), v.maxLength(max, `must be at most ${max} characters`));
}

/** A moment as epoch milliseconds. */
export const time = v.pipe(
  v.number('must be a time in milliseconds'),
  v.finite('must be a time in milliseconds'),
  v.minValue(0, 'must be a time in milliseconds'),
);

/** A count: 0, 1, 2… */
export const wholeNumber = v.pipe(
  v.number('must be a whole number'),
  v.safeInteger('must be a whole number'),
  v.minValue(0, 'must not be negative'),
);

/** A finite number of at least 0. */
export const nonNegative = v.pipe(
  v.number('must be a number'),
  v.finite('must be a finite number'),
  v.minValue(0, 'must not be negative'),
);

/** A finite number from 0 to `max`. */
export function upTo(max: number) {
  return v.pipe(nonNegative, v.maxValue(max, `must be at most ${max}`));
}

/**
 * An object with these fields; fields it does not know are left out of what it reads. A missing
 * field is "required"; anything but an object gets `message`.
 */
export function objectOf<const TEntries extends v.ObjectEntries>(
  entries: TEntries,
  message = 'must be an object',
) {
  // Valibot reports a missing field with the object's message, at the field's path.
  return v.object(entries, (issue) => (issue.path ? 'is required' : message));
}

/** A list of at most `max` items. */
export function boundedList<const TItem extends v.GenericSchema>(item: TItem, max: number) {
  return v.pipe(v.array(item, 'must be a list'), v.maxLength(max, `must have at most ${max} items`));
}

/** The items of a list that repeat an earlier item's key, each with the index of that earlier one. */
export function repeatsIn<T>(
  items: readonly T[],
  keyOf: (item: T) => unknown,
): { index: number; first: number }[] {
  const firstIndex = new Map<unknown, number>();
  const repeats: { index: number; first: number }[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, index);
    else repeats.push({ index, first });
  });
  return repeats;
}

export type IssuePath = [v.IssuePathItem, ...v.IssuePathItem[]];

/**
 * The path from `root` down through `keys` (field names and list indexes), for an issue that a
 * check on a whole object or list raises about something inside it: `pathTo(tables, 'phrases', 3,
 * 'id')` reads `phrases[3].id`.
 */
export function pathTo(root: unknown, ...keys: [string | number, ...(string | number)[]]): IssuePath {
  const path: v.IssuePathItem[] = [];
  let input = root;
  for (const key of keys) {
    if (typeof key === 'number') {
      const list = Array.isArray(input) ? (input as unknown[]) : [];
      path.push({ type: 'array', origin: 'value', input: list, key, value: list[key] });
      input = list[key];
    } else {
      const object = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
      path.push({ type: 'object', origin: 'value', input: object, key, value: object[key] });
      input = object[key];
    }
  }
  return path as IssuePath;
}
