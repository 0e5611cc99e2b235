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
