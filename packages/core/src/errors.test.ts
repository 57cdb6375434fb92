import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  parseInput,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from './errors.js';

describe('domain errors', () => {
  it('carry a stable code the HTTP layers can map, and are all DomainErrors', () => {
    const errors = [
      new NotFoundError('x'),
      new ConflictError('x'),
      new ValidationError([]),
      new UnauthorizedError('x'),
      new ForbiddenError('x'),
      new RateLimitedError(30),
    ];
    expect(errors.map((error) => error.code)).toEqual([
      'not_found',
      'conflict',
      'validation_failed',
      'unauthorized',
      'forbidden',
      'rate_limited',
    ]);
    for (const error of errors) expect(error).toBeInstanceOf(DomainError);
    expect(new ConflictError('taken').name).toBe('ConflictError');
    expect(new RateLimitedError(30).retryAfterSeconds).toBe(30);
  });

  it('name every invalid and every unknown field of a zod failure by its path', () => {
    const schema = z.strictObject({ name: z.string(), items: z.array(z.strictObject({ size: z.number() })) });
    const attempt = () =>
      parseInput(schema, { name: 3, items: [{ size: 'big', colour: 'red' }], extra: true });
    expect(attempt).toThrow(ValidationError);
    try {
      attempt();
    } catch (error) {
      const { issues, message } = error as ValidationError;
      expect(issues.map((issue) => issue.path).sort()).toEqual([
        'extra',
        'items.0.colour',
        'items.0.size',
        'name',
      ]);
      expect(issues.find((issue) => issue.path === 'extra')?.message).toBe('Unknown field');
      expect(message).toContain('items.0.size');
    }
  });

  it('return the parsed value when the input is valid', () => {
    expect(parseInput(z.object({ n: z.coerce.number() }), { n: '4' })).toEqual({ n: 4 });
  });
});
