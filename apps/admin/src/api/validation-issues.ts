import { TRPCClientError } from '@trpc/client';
import { trpcErrorCode } from './errors.js';

/** One problem the server found with a call's input: the field's path as segments, and the server's message. */
export interface ValidationIssue {
  path: string[];
  message: string;
}

function issueOf(path: unknown, message: unknown): ValidationIssue | undefined {
  if (typeof message !== 'string') return undefined;
  if (typeof path === 'string') return { path: path === '' ? [] : path.split('.'), message };
  if (Array.isArray(path)) return { path: path.map(String), message };
  return undefined;
}

function issuesFrom(list: unknown): ValidationIssue[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null || !('message' in item)) return [];
    const issue = issueOf('path' in item ? item.path : '', item.message);
    return issue ? [issue] : [];
  });
}

/**
 * The field issues of a call the server refused as invalid (BAD_REQUEST): its `data.issues` (dotted paths, see
 * the server's error formatter), else the zod issues tRPC puts in the message as JSON (path arrays). Empty for
 * any other failure.
 */
export function validationIssuesOf(error: unknown): ValidationIssue[] {
  if (!(error instanceof TRPCClientError) || trpcErrorCode(error) !== 'BAD_REQUEST') return [];
  const data: unknown = error.data;
  const fromData =
    typeof data === 'object' && data !== null && 'issues' in data ? issuesFrom(data.issues) : [];
  if (fromData.length > 0) return fromData;
  if (!error.message.trimStart().startsWith('[')) return [];
  try {
    return issuesFrom(JSON.parse(error.message));
  } catch {
    return [];
  }
}

// zod's default messages, reworded for people; the server's own messages ("A select field needs options") are
// already written for them and pass through.
const REWORDINGS: ReadonlyArray<[RegExp, (match: RegExpExecArray) => string]> = [
  [/^Too small: expected array to have >=?1 items?$/, () => 'Add at least one.'],
  [/^Too small: expected string to have >=?1 characters?$/, () => 'Fill this in.'],
  [/^Too small: expected array to have >=?(\d+) items$/, (m) => `Add at least ${m[1]}.`],
  [/^Too big: expected array to have <=?(\d+) items$/, (m) => `Use at most ${m[1]}.`],
  [/^Too small: expected string to have >=?(\d+) characters$/, (m) => `Use at least ${m[1]} characters.`],
  [/^Too big: expected string to have <=?(\d+) characters$/, (m) => `Use at most ${m[1]} characters.`],
  [/^Too small: expected number to be >=?(-?[\d.]+)$/, (m) => `Enter ${m[1]} or more.`],
  [/^Too big: expected number to be <=?(-?[\d.]+)$/, (m) => `Enter ${m[1]} or less.`],
  [/^Invalid input: expected int, received number$/, () => 'Enter a whole number.'],
  [/^Invalid input: expected (int|number), received \w+$/, () => 'Enter a number.'],
  [/^Invalid option: expected one of .*$/, () => 'Choose one of the options.'],
  [/^Invalid input: expected string, received \w+$/, () => 'Enter text.'],
];

/** A server message as a person reads it: zod's technical wording replaced, the server's own sentences kept. */
export function readableIssueMessage(message: string): string {
  for (const [pattern, reword] of REWORDINGS) {
    const match = pattern.exec(message);
    if (match) return reword(match);
  }
  return message;
}
