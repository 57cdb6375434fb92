import type { JsonValue } from '@warmpath/db';
import { z } from 'zod';
import { jsonValueSchema } from '../common/json-value.schema.js';

/** Who can act: staff users, participants (portal), API keys, the system itself (boot, jobs) and plugins. */
export const ACTOR_TYPES = ['user', 'participant', 'api_key', 'system', 'plugin'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** The actor of an audited action; `id` is null for the system. */
export const auditActorSchema = z.object({ type: z.enum(ACTOR_TYPES), id: z.string().nullable() });
export type AuditActor = z.infer<typeof auditActorSchema>;

/** What an action was done to: a type (`user`, `track`, `api_key`…) and its id. */
export const auditTargetSchema = z.object({ type: z.string(), id: z.string().nullable() });
export type AuditTarget = z.infer<typeof auditTargetSchema>;

/** Field-level before/after of a change, as written by {@link diffChanges}; free-form JSON is allowed too. */
export type AuditChanges = { [field: string]: JsonValue };

/** The actor for start-up tasks and jobs. */
export const SYSTEM_ACTOR: AuditActor = Object.freeze({ type: 'system', id: null });

/** Who is acting and from where: what a service needs to audit a change it makes. */
export interface AuditContext {
  actor: AuditActor;
  ip?: string | null | undefined;
}

/** The default context of service calls that do not say who acts. */
export const SYSTEM_CONTEXT: AuditContext = Object.freeze({ actor: SYSTEM_ACTOR });

/** One audit log entry, in the public API's shape (docs/api.md "Audit log"). */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actor: auditActorSchema,
  action: z.string(),
  target: auditTargetSchema,
  changes: z.record(z.string(), jsonValueSchema).optional(),
  ip: z.string().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Filters and page of `AuditService.list`; unknown fields are rejected. */
export const auditListQuerySchema = z.strictObject({
  action: z.string().min(1).max(200).optional(),
  actorId: z.string().min(1).max(200).optional(),
  targetType: z.string().min(1).max(200).optional(),
  targetId: z.string().min(1).max(200).optional(),
  /** Entries at or after this instant. */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Entries before this instant. */
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional(),
});
export type AuditListQuery = z.input<typeof auditListQuerySchema>;

/** A page of entries, newest first; `nextCursor` is null on the last page. */
export interface AuditPage {
  data: AuditEntry[];
  nextCursor: string | null;
}

/** An entry as the console shows it: the actor's display name resolved (null for the system or a deleted actor). */
export type NamedAuditEntry = AuditEntry & { actor: AuditActor & { name: string | null } };

/** A page of {@link NamedAuditEntry}. */
export interface NamedAuditPage {
  data: NamedAuditEntry[];
  nextCursor: string | null;
}
