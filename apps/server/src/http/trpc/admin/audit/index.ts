import { router } from '../../trpc.js';
import { auditList } from './list.js';

/** `admin.audit.*`: the console's audit log browser. */
export const adminAuditRouter = router({ list: auditList });
