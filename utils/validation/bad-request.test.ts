import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BadRequestError, MAX_PROBLEMS_LISTED, checked, joinProblems } from './bad-request';
import { filledText, objectOf, pathTo, repeatsIn } from './fields';

const row = objectOf({ id: filledText(10), tags: v.array(filledText(5)) });

describe('checked', () => {
  it('answers what the schema reads, without fields it does not know', () => {
    expect(checked(row, { id: 'a', tags: ['x'], extra: 1 })).toEqual({ id: 'a', tags: ['x'] });
  });

  it('refuses with a bad request naming each field as code writes it', () => {
    const attempt = () =>
      checked(v.object({ rows: v.array(row) }), { rows: [{ id: 'a', tags: [] }, { tags: [7] }] });
    expect(attempt).toThrow(BadRequestError);
    expect(attempt).toThrow('rows[1].id: is required\nrows[1].tags[0]: must be a non-empty string');
    expect(() => checked(row, 'x', 'Row 3')).toThrow(/^Row 3: must be an object$/);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ kind: 'bad-request' });
    }
  });

  it('lists the first problems of many, and counts the rest', () => {
    const problems = Array.from({ length: MAX_PROBLEMS_LISTED + 3 }, (_, index) => `p${index}`);
    const lines = joinProblems(problems).split('\n');
    expect(lines).toHaveLength(MAX_PROBLEMS_LISTED + 1);
    expect(lines.at(-1)).toBe('…and 3 more problems');
  });
});

describe('checks across items', () => {
  it('find repeated keys with the first item that had them', () => {
    expect(repeatsIn(['a', 'b', 'a', 'a'], (item) => item)).toEqual([
      { index: 2, first: 0 },
      { index: 3, first: 0 },
    ]);
  });

  it('point an issue at a field of an item', () => {
    const tables = { phrases: [{ id: 'p' }, { id: 'p' }] };
    const schema = v.pipe(
      v.object({ phrases: v.array(v.object({ id: v.string() })) }),
      v.rawCheck(({ dataset, addIssue }) => {
        if (dataset.typed) addIssue({ message: 'repeats', path: pathTo(dataset.value, 'phrases', 1, 'id') });
      }),
    );
    expect(() => checked(schema, tables)).toThrow('phrases[1].id: repeats');
  });
});
