export {
  SESSION_AUDIT_ACTIONS,
  type Session,
  type SessionSubject,
  sessionSubjectSchema,
  type ValidatedSession,
} from './session.schema.js';
export { SessionService, type SessionServiceDeps } from './session.service.js';
