import { issuesFromZodError, ValidationError, type ValidationIssue } from '@warmpath/core';
import { ZodError } from 'zod';

/**
 * The field issues behind a failed call, for the error's `data.issues`: a form marks each field by its dotted path
 * (`contacts.1.email`). Covers input the procedure's zod schema refused and `ValidationError`s of the services.
 */
export function validationIssuesOf(cause: unknown): ValidationIssue[] | undefined {
  if (cause instanceof ValidationError) return cause.issues;
  if (cause instanceof ZodError) return issuesFromZodError(cause);
  return undefined;
}
