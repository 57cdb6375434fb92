import type { z } from 'zod';

/**
 * The base of every expected failure of a use case. `code` is stable: the HTTP layers map it once (REST →
 * problem+json status, tRPC → TRPCError code) and clients may branch on it.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The thing asked for does not exist (or the caller may not know it exists). */
export class NotFoundError extends DomainError {
  readonly code = 'not_found';
}

/** The change clashes with the current state: a duplicate, a taken slug, a forbidden transition. */
export class ConflictError extends DomainError {
  readonly code = 'conflict';
}

/** One problem with the input: a dotted path to the field (`form.fields.0.key`, '' for the whole input). */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** The input is invalid; `issues` names every problem, so a form can mark each field. */
export class ValidationError extends DomainError {
  readonly code = 'validation_failed';
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[], message = describeIssues(issues)) {
    super(message);
    this.issues = issues;
  }

  /** Builds the error from a failed zod parse, giving each unknown field its own issue. */
  static fromZodError(error: z.ZodError): ValidationError {
    return new ValidationError(issuesFromZodError(error));
  }
}

/** The caller is not signed in, or the credentials (password, session, API key) are not valid. */
export class UnauthorizedError extends DomainError {
  readonly code = 'unauthorized';
}

/** The caller is known but lacks the role or scope for this action. */
export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
}

/** Too many attempts; `retryAfterSeconds` feeds the `Retry-After` header. */
export class RateLimitedError extends DomainError {
  readonly code = 'rate_limited';
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number, message = 'Too many requests, try again later') {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The issues of a zod error in Warmpath's shape (see {@link ValidationError.fromZodError}). */
export function issuesFromZodError(error: z.ZodError): ValidationIssue[] {
  return error.issues.flatMap((issue): ValidationIssue[] => {
    // zod reports all unknown keys of an object as one issue on the object; clients want one per field.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'Unknown field' }));
    }
    return [{ path: formatPath(issue.path), message: issue.message }];
  });
}

/** Parses `input` with `schema`, throwing a {@link ValidationError} instead of a ZodError. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw ValidationError.fromZodError(result.error);
  return result.data;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

function describeIssues(issues: ValidationIssue[]): string {
  if (issues.length === 0) return 'Invalid input';
  return `Invalid input: ${issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ')}`;
}
