import * as v from 'valibot';

/**
 * A request or record refused by a schema. `kind` is what the message protocol reports to the
 * caller (`toFailure` in `utils/transport/messages.ts`), and the message names every bad field,
 * one per line, e.g. `phrases[3].contexts[0].url: must be a Xiaohongshu or RedNote https link`.
 */
export class BadRequestError extends Error {
  override readonly name: string = 'BadRequestError';
  readonly kind = 'bad-request';
}

/** Problems listed in one error message; a file with thousands of bad rows names the first ones. */
export const MAX_PROBLEMS_LISTED = 20;

type Issue = v.BaseIssue<unknown>;

/** Where an issue is, as code would write it: `terms[3].meaning.zh-CN`; '' for the value itself. */
export function pathOf(issue: Issue): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') path += `[${key}]`;
    else path += path ? `.${String(key)}` : String(key);
  }
  return path;
}

/**
 * One `where: what` line per issue. `label` names the value checked (a term, a file row) and comes
 * first: label "Row 3" and path "lang" read "Row 3: lang: must be one of zh, en".
 */
export function problemsOf(issues: readonly Issue[], label = ''): string[] {
  return issues.map((issue) => {
    const where = [label, pathOf(issue)].filter(Boolean).join(': ');
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}

/** Lines joined for a message, the list cut after `MAX_PROBLEMS_LISTED` with a count of the rest. */
export function joinProblems(problems: readonly string[]): string {
  if (problems.length <= MAX_PROBLEMS_LISTED) return problems.join('\n');
  const rest = problems.length - MAX_PROBLEMS_LISTED;
  return [...problems.slice(0, MAX_PROBLEMS_LISTED), `…and ${rest} more problems`].join('\n');
}

/**
 * `value` as `schema` reads it, or a `BadRequestError` naming everything wrong with it. What the
 * schema returns is what callers store: fields it does not know are left out.
 */
export function checked<const TSchema extends v.GenericSchema>(
  schema: TSchema,
  value: unknown,
  label = '',
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  throw new BadRequestError(joinProblems(problemsOf(result.issues, label)));
}
