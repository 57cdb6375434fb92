import { DomainError, ValidationError } from '@warmpath/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { BODY_NOT_UTF8 } from './json-body-parser.js';

/** An RFC 9457 problem document, the body of every REST error. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

const DOMAIN_STATUS: Record<string, number> = {
  not_found: 404,
  conflict: 409,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
};

export function problem(status: number, detail: string, errors?: Problem['errors']): Problem {
  return {
    type: status === 500 ? 'about:blank' : `https://warmpath.dev/problems/${status}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, body: Problem) {
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** `/body/contacts/0/email` style paths from Fastify's `instancePath` + the schema part that failed. */
function validationPath(context: string | undefined, instancePath: string): string {
  const part = (context ?? 'body').replace(/^querystring$/, 'query');
  const rest = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return rest ? `${part}.${rest}` : part;
}

/**
 * Maps every error a v1 route can raise to problem+json, once: schema validation and malformed bodies are 400s
 * naming each problem, typed domain errors keep their meaning, anything else is a logged 500 without details.
 */
export function restErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.flatMap((issue) => {
      const path = validationPath(error.validationContext, issue.instancePath);
      // zod reports all unknown keys of an object as one issue; clients want each field named (as core does).
      if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
        return issue.params.keys.map((key) => ({ path: `${path}.${String(key)}`, message: 'Unknown field' }));
      }
      return [{ path, message: issue.message ?? 'is invalid' }];
    });
    return sendProblem(reply, problem(400, 'The request does not match the schema', errors));
  }
  if (error instanceof ValidationError) return sendProblem(reply, problem(400, error.message, error.issues));
  if (error instanceof DomainError) {
    return sendProblem(reply, problem(DOMAIN_STATUS[error.code] ?? 500, error.message));
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendProblem(reply, problem(413, 'The request body is larger than allowed'));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendProblem(reply, problem(415, 'Send JSON with Content-Type: application/json'));
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case BODY_NOT_UTF8:
      // Every 400 carries `errors`, so clients can show problems the same way whatever went wrong.
      return sendProblem(reply, problem(400, error.message, [{ path: 'body', message: error.message }]));
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendProblem(reply, problem(error.statusCode, error.message));
  }
  request.log.error({ err: error }, 'unhandled error in REST route');
  return sendProblem(reply, problem(500, 'Something went wrong on our side; the error has been logged'));
}
