import { TRPCClientError } from '@trpc/client';
import { describeError } from './errors.js';

/** What a form shows after the server refused it: a message per field path, and one for the form as a whole. */
export interface ServerFormErrors {
  /** Keyed by the server's dotted field path (`company.name`, `contacts.1.email`, `answers.budget`). */
  fieldErrors: Record<string, string>;
  /** A sentence for the top of the form; always set, so the user learns why nothing happened. */
  formMessage: string;
}

interface FieldIssue {
  path: string;
  message: string;
}

const invalidInputPrefix = 'Invalid input: ';

/** The form message when fields are marked: the marks say what is wrong, this says to look for them. */
export const CHECK_MARKED_FIELDS = 'Some answers need another look. Check the fields marked below.';

function isFieldIssue(value: unknown): value is FieldIssue {
  return (
    typeof value === 'object' &&
    value !== null &&
    'path' in value &&
    'message' in value &&
    typeof value.path === 'string' &&
    typeof value.message === 'string'
  );
}

function codeOf(error: TRPCClientError<never>): string | undefined {
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('code' in data)) return undefined;
  return typeof data.code === 'string' ? data.code : undefined;
}

/** Issues the server sent as data (`data.issues`), when its error formatter includes them. */
function issuesFromData(data: unknown): FieldIssue[] {
  if (typeof data !== 'object' || data === null || !('issues' in data)) return [];
  return Array.isArray(data.issues) ? data.issues.filter(isFieldIssue) : [];
}

/**
 * Issues read back from a validation message (`Invalid input: company.name: Required; contacts.0.email: …`), the
 * shape core's ValidationError gives its message. Paths are dotted identifiers, so a message with a colon of its
 * own still splits at the first one.
 */
function issuesFromMessage(message: string): FieldIssue[] {
  if (!message.startsWith(invalidInputPrefix)) return [];
  return message
    .slice(invalidInputPrefix.length)
    .split('; ')
    .flatMap((part) => {
      const match = /^([A-Za-z0-9_.]+): (.+)$/s.exec(part);
      return match?.[1] && match[2] ? [{ path: match[1], message: match[2] }] : [];
    });
}

/**
 * Issues of an input that failed the procedure's schema: tRPC sends the schema error's message, which for zod is
 * its issues as JSON (`[{ "path": ["contacts", 0, "email"], "message": "Invalid email address" }]`).
 */
function issuesFromSchemaMessage(message: string): FieldIssue[] {
  if (!message.trimStart().startsWith('[')) return [];
  try {
    const parsed: unknown = JSON.parse(message);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((issue: unknown): FieldIssue[] => {
      if (typeof issue !== 'object' || issue === null || !('path' in issue) || !('message' in issue))
        return [];
      const { path, message: text } = issue;
      if (!Array.isArray(path) || typeof text !== 'string') return [];
      return [{ path: path.map(String).join('.'), message: text }];
    });
  } catch {
    return [];
  }
}

/**
 * Turns a failed mutation into form errors. Validation failures (BAD_REQUEST) mark each named field; anything
 * else becomes one message, in the words of {@link describeError} or the server's own for refusals a user can act on.
 */
export function readServerFormErrors(error: unknown): ServerFormErrors {
  if (!(error instanceof TRPCClientError)) return { fieldErrors: {}, formMessage: describeError(error) };
  const code = codeOf(error);
  if (code === 'BAD_REQUEST') {
    const issues = issuesFromData(error.data);
    const found =
      issues.length > 0
        ? issues
        : [...issuesFromMessage(error.message), ...issuesFromSchemaMessage(error.message)];
    const fieldErrors: Record<string, string> = {};
    const unplaced: string[] = [];
    for (const issue of found) {
      if (issue.path === '') unplaced.push(issue.message);
      else fieldErrors[issue.path] ??= issue.message;
    }
    const hasFieldErrors = Object.keys(fieldErrors).length > 0;
    const formMessage = hasFieldErrors
      ? CHECK_MARKED_FIELDS
      : (unplaced[0] ?? (found.length > 0 ? 'Check what you entered and try again.' : error.message));
    return { fieldErrors, formMessage };
  }
  // Refusals with a reason the user can act on keep the server's wording; failures get a generic sentence.
  if (code === 'CONFLICT' || code === 'FORBIDDEN' || code === 'NOT_FOUND' || code === 'UNAUTHORIZED') {
    return { fieldErrors: {}, formMessage: error.message };
  }
  return { fieldErrors: {}, formMessage: describeError(error) };
}

/**
 * The errors a form shows for its mutation: none until the mutation fails, then {@link readServerFormErrors} of the
 * failure. Takes the mutation result as it comes from `useMutation`.
 */
export function formErrorsOf(mutation: { isError: boolean; error: unknown }): ServerFormErrors | null {
  return mutation.isError ? readServerFormErrors(mutation.error) : null;
}

/** The message for one field path, if the server named it. */
export function fieldError(errors: ServerFormErrors | null, path: string): string | undefined {
  return errors?.fieldErrors[path];
}
