import { STAFF_ROLES, type StaffRole } from '@warmpath/core';
import { withRuntime } from './with-runtime.js';

/**
 * `warmpath admin create`: an owner is created or has its password reset (the way back in after a lost password);
 * other roles are created, and an existing email is refused.
 */
export async function adminCreateCommand(options: {
  email: string;
  password: string;
  name?: string;
  role: string;
}) {
  const role = STAFF_ROLES.find((r) => r === options.role) as StaffRole | undefined;
  if (!role) throw new Error(`--role must be one of ${STAFF_ROLES.join(', ')}`);
  await withRuntime(async (runtime) => {
    const { users } = runtime.services;
    if (role === 'owner') {
      const { user, outcome } = await users.ensureOwner({ email: options.email, password: options.password });
      process.stdout.write(
        `Owner ${user.email} ${outcome === 'created' ? 'created' : 'updated (password reset)'}.\n`,
      );
    } else {
      const name = options.name ?? options.email.split('@')[0] ?? options.email;
      const user = await users.createUser({ email: options.email, name, role, password: options.password });
      process.stdout.write(`Staff account ${user.email} (${user.role}) created.\n`);
    }
    process.stdout.write(`Sign in at ${runtime.config.PUBLIC_URL}/admin/\n`);
  });
}
