import type { UserTermRecord } from '../db/schema';
import { csvRow, fromFormulaSafeCell } from '../delimited';
import * as v from 'valibot';
import { joinProblems, problemsOf } from '../validation/bad-request';
import { repeatsIn } from '../validation/fields';
import type { GlossaryCategory, GlossaryTermLanguage } from './glossary-schema';
import type { UserTermInput } from './protocol';
import { USER_TERMS_MAX_PER_REQUEST, userTermInput } from './user-term-schema';

/**
 * The user's glossary as files: JSON (exact, for backups) and CSV (for spreadsheets). Parsing checks
 * every term with the schema the store saves with (`userTermInput`), so a file with one bad term is
 * refused before anything is sent, with each problem named by its row.
 */

export const GLOSSARY_FILE_FORMAT = 'redbridge-glossary';
export const GLOSSARY_FILE_VERSION = 1;
/** Largest file read, in characters: far above the most terms one import takes. */
export const GLOSSARY_FILE_MAX_LENGTH = 10 * 1024 * 1024;

/** A file that cannot be read as a glossary; the message says where and why. */
export class GlossaryFileError extends Error {
  override readonly name = 'GlossaryFileError';
}

export function glossaryToJson(terms: readonly UserTermRecord[], exportedAt = Date.now()): string {
  const file = {
    format: GLOSSARY_FILE_FORMAT,
    version: GLOSSARY_FILE_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    terms,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** CSV columns, in order. Lists (aliases, notInside) are joined with " | ". */
export const CSV_COLUMNS = [
  'term',
  'lang',
  'meaning_en',
  'meaning_zh',
  'rendering_en',
  'rendering_zh',
  'pinyin',
  'aliases',
  'literal',
  'category',
  'origin_en',
  'origin_zh',
  'example',
  'example_translation',
  'not_inside',
  'id',
  'created_at',
  'updated_at',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

const LIST_SEPARATOR = ' | ';

function row(term: UserTermRecord): Record<Column, string> {
  return {
    term: term.term,
    lang: term.lang,
    meaning_en: term.meaning?.en ?? '',
    meaning_zh: term.meaning?.['zh-CN'] ?? '',
    rendering_en: term.rendering?.en ?? '',
    rendering_zh: term.rendering?.['zh-CN'] ?? '',
    pinyin: term.pinyin ?? '',
    aliases: (term.aliases ?? []).join(LIST_SEPARATOR),
    literal: term.literal ?? '',
    category: term.category ?? '',
    origin_en: term.origin?.en ?? '',
    origin_zh: term.origin?.['zh-CN'] ?? '',
    example: term.example?.text ?? '',
    example_translation: term.example?.translation ?? '',
    not_inside: (term.notInside ?? []).join(LIST_SEPARATOR),
    id: term.id,
    created_at: new Date(term.createdAt).toISOString(),
    updated_at: new Date(term.updatedAt).toISOString(),
  };
}

/**
 * RFC 4180 CSV with a header row, CRLF line ends and a BOM so spreadsheet apps read it as UTF-8;
 * cells that would start a formula are made text (`csvRow`), and `parseCsv` reads them back.
 */
export function glossaryToCsv(terms: readonly UserTermRecord[]): string {
  const lines = [csvRow(CSV_COLUMNS)];
  for (const term of terms) {
    const cells = row(term);
    lines.push(csvRow(CSV_COLUMNS.map((column) => cells[column])));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/**
 * Reads RFC 4180 CSV: quoted cells may hold commas, quotes ("") and line breaks. The `'` our export
 * puts before a cell that would start a formula is taken off again (`fromFormulaSafeCell`).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  const input = text.replace(/^\ufeff/, '');
  for (let index = 0; index < input.length; index++) {
    const char = input[index]!;
    if (quoted) {
      if (char === '"') {
        if (input[index + 1] === '"') {
          cell += '"';
          index++;
        } else quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
      continue;
    }
    if (char === '"') {
      if (cell !== '') throw new GlossaryFileError(`Line ${line}: a quote in the middle of a cell.`);
      quoted = true;
      quoteLine = line;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[index + 1] === '\n') index++;
      cells.push(cell);
      rows.push(cells);
      cells = [];
      cell = '';
      line++;
    } else cell += char;
  }
  if (quoted) throw new GlossaryFileError(`Line ${quoteLine}: a quoted cell is never closed.`);
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push(cells);
  }
  return rows
    .filter((cells) => cells.some((value) => value.trim() !== ''))
    .map((cells) => cells.map(fromFormulaSafeCell));
}

function splitList(value: string): string[] | undefined {
  const items = value
    .split('|')
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

function localizedCells(en: string, zh: string) {
  if (!en.trim() && !zh.trim()) return undefined;
  return { ...(en.trim() ? { en } : {}), ...(zh.trim() ? { 'zh-CN': zh } : {}) };
}

function timeCell(value: string, label: string): number | undefined {
  if (!value.trim()) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new GlossaryFileError(`${label}: "${value}" is not a date.`);
  return time;
}

function termsFromCsv(text: string): UserTermInput[] {
  const rows = parseCsv(text);
  const header = rows.shift()?.map((name) => name.trim().toLowerCase());
  if (!header) throw new GlossaryFileError('The file is empty.');
  for (const required of ['term', 'lang'] as const) {
    if (!header.includes(required))
      throw new GlossaryFileError(`The first line must name the columns, including "${required}".`);
  }
  const unknown = header.filter((name) => name && !(CSV_COLUMNS as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new GlossaryFileError(`Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`);
  return rows.map((cells, index) => {
    const label = `Row ${index + 2}`;
    if (cells.length > header.length)
      throw new GlossaryFileError(`${label}: ${cells.length} cells for ${header.length} columns.`);
    const get = (column: Column) => cells[header.indexOf(column)] ?? '';
    const example = get('example').trim();
    const term: Record<string, unknown> = {
      term: get('term'),
      lang: get('lang').trim() as GlossaryTermLanguage,
      meaning: localizedCells(get('meaning_en'), get('meaning_zh')),
      rendering: localizedCells(get('rendering_en'), get('rendering_zh')),
      origin: localizedCells(get('origin_en'), get('origin_zh')),
      aliases: splitList(get('aliases')),
      notInside: splitList(get('not_inside')),
      pinyin: get('pinyin') || undefined,
      literal: get('literal') || undefined,
      category: (get('category').trim() || undefined) as GlossaryCategory | undefined,
      example: example ? { text: example, translation: get('example_translation').trim() } : undefined,
      id: get('id').trim() || undefined,
      createdAt: timeCell(get('created_at'), label),
      updatedAt: timeCell(get('updated_at'), label),
    };
    for (const key of Object.keys(term)) if (term[key] === undefined) delete term[key];
    return term as unknown as UserTermInput;
  });
}

function termsFromJson(text: string): UserTermInput[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new GlossaryFileError(`Not valid JSON: ${(error as Error).message}`);
  }
  const terms = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === 'object' && (parsed as { format?: unknown }).format === GLOSSARY_FILE_FORMAT
      ? (parsed as { terms?: unknown }).terms
      : undefined;
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && terms !== undefined) {
    // An export names its format version as a number; "1" is a hand-edited file, not an export.
    const version = (parsed as { version?: unknown }).version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
      throw new GlossaryFileError(`"version" must be a whole number, not ${JSON.stringify(version)}.`);
    if (version > GLOSSARY_FILE_VERSION)
      throw new GlossaryFileError(`This file was written by a newer RedBridge (format ${version}).`);
  }
  if (!Array.isArray(terms))
    throw new GlossaryFileError('Expected a RedBridge glossary export or a list of terms.');
  terms.forEach((term: unknown, index) => {
    if (!term || typeof term !== 'object' || Array.isArray(term))
      throw new GlossaryFileError(`Term #${index + 1} is not an object.`);
  });
  return terms as UserTermInput[];
}

/**
 * Refuses terms the store would refuse, and two terms with the same id (the second would silently
 * replace the first), naming each by `labelOf` (its row or number) and its term.
 */
function checkTerms(terms: readonly UserTermInput[], labelOf: (index: number) => string): void {
  const label = (index: number) => {
    const term = terms[index]?.term;
    return typeof term === 'string' && term.trim() ? `${labelOf(index)} (${term.trim()})` : labelOf(index);
  };
  const problems: string[] = [];
  terms.forEach((term, index) => {
    const result = v.safeParse(userTermInput, term);
    if (!result.success) problems.push(...problemsOf(result.issues, label(index)));
  });
  const ids = repeatsIn(terms, (term) => (typeof term.id === 'string' && term.id.trim()) || {});
  for (const { index, first } of ids)
    problems.push(`${label(index)}: id: repeats the id of ${labelOf(first).toLowerCase()}`);
  if (problems.length > 0) throw new GlossaryFileError(joinProblems(problems));
}

/** Reads an exported (or hand-written) glossary file; the format follows the name, then the content. */
export function parseGlossaryFile(name: string, text: string): UserTermInput[] {
  if (text.length > GLOSSARY_FILE_MAX_LENGTH)
    throw new GlossaryFileError(`The file is larger than ${GLOSSARY_FILE_MAX_LENGTH / 1024 / 1024} MB.`);
  if (!text.trim()) throw new GlossaryFileError('The file is empty.');
  const json = /\.json$/i.test(name) || (!/\.csv$/i.test(name) && /^\ufeff?\s*[[{]/.test(text));
  const terms = json ? termsFromJson(text) : termsFromCsv(text);
  if (terms.length === 0) throw new GlossaryFileError('The file holds no terms.');
  if (terms.length > USER_TERMS_MAX_PER_REQUEST)
    throw new GlossaryFileError(
      `The file holds ${terms.length} terms; one import takes at most ${USER_TERMS_MAX_PER_REQUEST}.`,
    );
  checkTerms(terms, (index) => (json ? `Term #${index + 1}` : `Row ${index + 2}`));
  return terms;
}
