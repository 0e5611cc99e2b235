/**
 * Writing delimited text (CSV, Anki's tab-separated files) the RFC 4180 way: a field is quoted when
 * it holds the separator, a quote, a line break or spaces at its ends (which readers would trim),
 * and quotes inside are doubled.
 */
export function quoteField(field: string, separator: string): string {
  const needsQuotes = field.includes(separator) || /["\r\n]/.test(field) || field !== field.trim();
  return needsQuotes ? `"${field.replace(/"/g, '""')}"` : field;
}

export function delimitedRow(fields: readonly string[], separator: string): string {
  return fields.map((field) => quoteField(field, separator)).join(separator);
}

/**
 * First characters that make a spreadsheet app read a cell as a formula (OWASP, CSV injection),
 * after any `'`: a cell such as `'=x` gets its own `'` too, so reading it back gives `'=x` again.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * A cell a spreadsheet app shows as text: one that would start a formula gets a leading `'`, so a
 * phrase or term copied from a web page cannot run when the file is opened.
 */
export function formulaSafeCell(field: string): string {
  return FORMULA_START.test(field) ? `'${field}` : field;
}

/** Undoes `formulaSafeCell`, for our own files read back: the one `'` it added goes. */
export function fromFormulaSafeCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** A CSV line for spreadsheet apps: every cell formula-safe, then quoted as needed. */
export function csvRow(fields: readonly string[]): string {
  return delimitedRow(fields.map(formulaSafeCell), ',');
}
