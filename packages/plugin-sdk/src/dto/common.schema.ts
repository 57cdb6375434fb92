import { z } from 'zod';

/** An opaque identifier (UUIDv7 in the host, but plugins must not rely on the format). */
export const IdSchema = z.string().min(1);

/** An ISO-8601 date-time string (`2026-11-22T10:00:00.000Z`); every time crossing the plugin boundary uses it. */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

/** A normalised (lower-case, trimmed) e-mail address. */
export const EmailSchema = z.email();

/** A normalised company domain: lower-case, no scheme, no `www.` (e.g. `acme.com`). */
export const DomainSchema = z.string().min(1).max(253);

/** An ISO 4217 currency code (`USD`, `EUR`). */
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD');

/**
 * An amount of money in minor units of its currency (cents for USD, yen for JPY): integers avoid float rounding
 * across the boundary.
 */
export const MinorUnitsSchema = z.number().int();
