import type { Clock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import type { PasswordHasher } from './password.js';
import { PasswordSignIn, type SignInLockoutLimits } from './password-sign-in.js';
import type { User } from './user.schema.js';
import type { UserService } from './user.service.js';

/** Dependencies and limits of {@link StaffSignInService}. */
export interface StaffSignInServiceDeps extends SignInLockoutLimits {
  db: Executor;
  users: UserService;
  clock?: Clock | undefined;
  passwordHasher?: PasswordHasher | undefined;
}

/**
 * Staff password sign-in into the console, with the lock-out of {@link PasswordSignIn}: an unknown email, a wrong
 * password, a disabled account and a locked-out email all get the same `UnauthorizedError`.
 */
export class StaffSignInService {
  readonly #users: UserService;
  readonly #signIn: PasswordSignIn;

  constructor(deps: StaffSignInServiceDeps) {
    this.#users = deps.users;
    this.#signIn = new PasswordSignIn({ ...deps, subject: 'user' });
  }

  /** The account these credentials sign in (audited), or an `UnauthorizedError`. */
  signIn(email: string, password: string, context: { ip?: string | null } = {}): Promise<User> {
    return this.#signIn.signIn(
      { email, password, ip: context.ip },
      (normalised, given) => this.#users.verifyCredentials(normalised, given),
      (user) => user.id,
    );
  }
}
