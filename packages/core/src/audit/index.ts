export { type NamedActor, nameActors } from './actor-names.js';
export {
  ACTOR_TYPES,
  type ActorType,
  type AuditActor,
  type AuditChanges,
  type AuditContext,
  type AuditEntry,
  type AuditListQuery,
  type AuditPage,
  type AuditTarget,
  auditActorSchema,
  auditEntrySchema,
  auditListQuerySchema,
  auditTargetSchema,
  type NamedAuditEntry,
  type NamedAuditPage,
  SYSTEM_ACTOR,
  SYSTEM_CONTEXT,
} from './audit.schema.js';
export { AuditService, type AuditServiceDeps } from './audit.service.js';
export { diffChanges, type FieldChange, jsonEqual } from './changes.js';
export { type AuditRecord, recordAudit } from './record-audit.js';
