import { describe, expect, it } from 'vitest';
import { csvRow, delimitedRow, formulaSafeCell, fromFormulaSafeCell, quoteField } from './delimited';

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

describe('CSV for spreadsheet apps', () => {
  it('makes a cell that would start a formula text, then quotes as usual', () => {
    expect(csvRow(['=HYPERLINK("http://x","y")', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '猫税', 'a=b'])).toBe(
      `"'=HYPERLINK(""http://x"",""y"")",'+1,'-1,'@SUM(A1),'\tx,"'\rx",猫税,a=b`,
    );
  });

  it('takes off only the one quote it added when read back', () => {
    for (const field of ['=1+1', '-3', '+', '@x', '\tx', '\rx', "'=x", "''-x", "'plain", 'plain', "'", ''])
      expect(fromFormulaSafeCell(formulaSafeCell(field))).toBe(field);
    expect(formulaSafeCell("'plain")).toBe("'plain");
    expect(fromFormulaSafeCell("'plain")).toBe("'plain");
  });
});
