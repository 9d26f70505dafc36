import { CombinedGraphQLErrors } from '@apollo/client';

/**
 * The server's complaints about single fields of a refused input, by field name, so each can be
 * shown beside its field. Validation sends `problems: [{ field, message }]`; a rule on one field
 * (such as the order of the period's dates) sends `field` with the message.
 */
export function fieldProblemsOf(error: unknown): Record<string, string> {
  if (!CombinedGraphQLErrors.is(error)) return {};
  const problems: Record<string, string> = {};
  for (const each of error.errors) {
    const extensions = (each.extensions ?? {}) as {
      field?: unknown;
      problems?: { field?: unknown; message?: unknown }[];
    };
    for (const problem of extensions.problems ?? []) {
      if (typeof problem.field === 'string' && typeof problem.message === 'string')
        problems[problem.field] = problem.message;
    }
    if (typeof extensions.field === 'string') problems[extensions.field] = each.message;
  }
  return problems;
}

/** The form's words for the input's field names, so the server's reasons read as the form does. */
const FIELD_WORDS: Record<string, string> = {
  periodStart: 'the start of the period',
  periodEnd: 'the end of the period',
  reference: 'the reference',
  title: 'the title',
  partnership: 'the partnership',
  methodology: 'the methodology',
  summary: 'the summary',
  type: 'the type',
};

/** The server's message with field names put in the form's words, its first letter a capital. */
export function inFormWords(message: string): string {
  const worded = message.replace(
    /\b(periodStart|periodEnd|reference|title|partnership|methodology|summary|type)\b(?= \(| must| is| should)/g,
    (name) => FIELD_WORDS[name] ?? name,
  );
  return worded.charAt(0).toUpperCase() + worded.slice(1);
}
