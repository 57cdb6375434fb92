import { ValidationError, type ValidationIssue } from '@warmpath/core';
import type { FastifyInstance } from 'fastify';

/** Deepest nesting of arrays and objects accepted in any input; real payloads stay far below it. */
export const MAX_INPUT_DEPTH = 64;
/** Issues reported for one input at most, so a body full of NULs does not make a huge answer. */
const MAX_ISSUES = 20;

const NUL = '\u0000';
// A high surrogate not followed by a low one, or a low one not preceded by a high one (no `u` flag: code units).
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function textProblem(text: string): string | undefined {
  if (text.includes(NUL)) return 'must not contain the NUL character (\\u0000)';
  if (UNPAIRED_SURROGATE.test(text)) return 'must not contain unpaired surrogates (invalid Unicode)';
  return undefined;
}

/**
 * What in an input PostgreSQL cannot store, whatever the field: the NUL character (text and jsonb reject it),
 * unpaired UTF-16 surrogates (jsonb rejects their `\ud800` escapes; text would silently get U+FFFD), in strings
 * and in object keys, and nesting deeper than {@link MAX_INPUT_DEPTH} (recursive validation and jsonb would run
 * out of stack). One rule for every surface, applied before schema validation so no such value reaches a handler:
 * REST v1 and the conversions endpoint (a `preValidation` hook), tRPC (a middleware), the CSV exports' filters.
 *
 * Paths are dotted from `root` (`body.contacts.0.email`; with an empty root, `contacts.0.email`). The walk is
 * iterative, so a body nested a million levels deep cannot overflow the stack here either.
 */
export function unstorableInputIssues(input: unknown, root: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: input, path: root, depth: 0 }];
  const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);
  while (pending.length > 0 && issues.length < MAX_ISSUES) {
    const { value, path, depth } = pending.pop() as (typeof pending)[number];
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) issues.push({ path, message: problem });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      issues.push({ path, message: `is nested too deep (more than ${MAX_INPUT_DEPTH} levels)` });
      continue;
    }
    const children: typeof pending = [];
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value);
    for (const [key, item] of entries) {
      const keyProblem = textProblem(key);
      if (keyProblem) issues.push({ path: join(path, key), message: `is a field name that ${keyProblem}` });
      else children.push({ value: item, path: join(path, key), depth: depth + 1 });
    }
    // Onto the stack in reverse, so issues come out in document order.
    for (let index = children.length - 1; index >= 0; index--)
      pending.push(children[index] as (typeof pending)[number]);
  }
  return issues.slice(0, MAX_ISSUES);
}

/** The error for {@link unstorableInputIssues}: a 400 problem in REST, BAD_REQUEST in tRPC. */
export function unstorableInputError(issues: ValidationIssue[]): ValidationError {
  return new ValidationError(
    issues.slice(0, MAX_ISSUES),
    'The request contains text or nesting that cannot be stored',
  );
}

/**
 * Checks params, query string, parsed body and the named headers of every request of an encapsulated scope (REST
 * v1, conversions) before schema validation, answering 400 problem+json through the scope's error handler.
 */
export function registerUnstorableInputCheck(
  app: FastifyInstance,
  options: { headers?: readonly string[] } = {},
) {
  const headers = options.headers ?? [];
  app.addHook('preValidation', async (request) => {
    const issues = [
      ...unstorableInputIssues(request.params, 'params'),
      ...unstorableInputIssues(request.query, 'query'),
      ...unstorableInputIssues(request.body, 'body'),
      ...headers.flatMap((name) => unstorableInputIssues(request.headers[name], `headers.${name}`)),
    ];
    if (issues.length > 0) throw unstorableInputError(issues);
  });
}
