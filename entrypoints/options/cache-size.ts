/** Bytes a cache of this many characters takes, roughly: strings are stored as UTF-16. */
export function approximateBytes(characters: number): number {
  return characters * 2;
}

/** "12 kB", "3.4 MB" in the interface language. */
export function formatBytes(bytes: number, locale: string): string {
  // Kilobytes at least: a cache is never meaningfully measured in bytes.
  const units = ['kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}
