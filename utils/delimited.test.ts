import { describe, expect, it } from 'vitest';
import { delimitedRow, quoteField } from './delimited';

describe('delimited text', () => {
  it('quotes only what a reader would otherwise split or trim', () => {
    expect(quoteField('猫税', ',')).toBe('猫税');
    expect(quoteField('a, b', ',')).toBe('"a, b"');
    expect(quoteField('a, b', '\t')).toBe('a, b');
    expect(quoteField('say "hi"', '\t')).toBe('"say ""hi"""');
    expect(quoteField('two\nlines', ',')).toBe('"two\nlines"');
    expect(quoteField(' padded ', ',')).toBe('" padded "');
    expect(delimitedRow(['a', 'b\tc', ''], '\t')).toBe('a\t"b\tc"\t');
  });
});
