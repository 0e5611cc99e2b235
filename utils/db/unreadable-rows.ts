import * as v from 'valibot';
import { problemsOf } from '../validation/bad-request';

/**
 * Rows of the database that fail their record schema: written by an older version without checks,
 * by a restored file, or by hand. They are never used (one bad row must not stop the glossary or
 * the phrasebook), and never dropped silently either: the options page lists them for the user to
 * look at and delete.
 */
export interface UnreadableRow {
  /** The row's key as text: its id when that is a string, which is what deleting it takes. */
  key: string;
  /** Its term or text when it has one as a string, to recognize it by; '' otherwise. */
  label: string;
  /** What is wrong with it, one `field: problem` line each, the first few only. */
  problems: string[];
  /** The stored data as JSON, cut after `UNREADABLE_PREVIEW_LENGTH` characters. */
  preview: string;
}

export const UNREADABLE_PREVIEW_LENGTH = 1_000;
/**
 * Longest id a page may name to delete a row. Longer than any id RedBridge assigns: a row written
 * by an older version, which checked less, may have any string as its id, and must be deletable.
 */
export const ROW_KEY_MAX_LENGTH = 10_000;
const PROBLEMS_PER_ROW = 5;
const LABEL_LENGTH = 100;

/** A key as text: strings as they are, anything else (a number, a date…) as JSON. */
export function keyText(key: unknown): string {
  if (typeof key === 'string') return key;
  try {
    return JSON.stringify(key) ?? String(key);
  } catch {
    return String(key);
  }
}

function previewOf(row: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(row) ?? String(row);
  } catch {
    text = String(row);
  }
  return text.length > UNREADABLE_PREVIEW_LENGTH ? `${text.slice(0, UNREADABLE_PREVIEW_LENGTH)}…` : text;
}

/**
 * Splits rows into those `schema` reads, as it reads them, and a report of the others. `labelField`
 * is the field that names a row to a person (`term`, `text`).
 */
export function sortRows<const TSchema extends v.GenericSchema>(
  rows: readonly unknown[],
  schema: TSchema,
  labelField: string,
): { readable: v.InferOutput<TSchema>[]; unreadable: UnreadableRow[] } {
  const readable: v.InferOutput<TSchema>[] = [];
  const unreadable: UnreadableRow[] = [];
  for (const row of rows) {
    const result = v.safeParse(schema, row);
    if (result.success) {
      readable.push(result.output);
      continue;
    }
    const fields = row && typeof row === 'object' ? (row as Record<string, unknown>) : {};
    const label = fields[labelField];
    unreadable.push({
      key: keyText(fields.id),
      label: typeof label === 'string' ? label.slice(0, LABEL_LENGTH) : '',
      problems: problemsOf(result.issues.slice(0, PROBLEMS_PER_ROW)),
      preview: previewOf(row),
    });
  }
  return { readable, unreadable };
}
