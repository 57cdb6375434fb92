export {
  PASSWORD_AUDIT_ACTIONS,
  PASSWORD_RESET_TTL_MS,
  StaffPasswordService,
  type StaffPasswordServiceDeps,
} from './staff-password.service.js';
