import type { Clock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import type { PasswordHasher } from '../users/password.js';
import { PasswordSignIn, type SignInLockoutLimits } from '../users/password-sign-in.js';
import type { PortalAccountService } from './portal-account.service.js';

/** Dependencies and limits of {@link PortalSignInService}. */
export interface PortalSignInServiceDeps extends SignInLockoutLimits {
  db: Executor;
  accounts: PortalAccountService;
  clock?: Clock | undefined;
  passwordHasher?: PasswordHasher | undefined;
}

/** The key portal sign-in failures are counted under, apart from the console's (which count under the email). */
export function portalFailureKey(email: string): string {
  return `portal:${email}`;
}

/**
 * Portal password sign-in, with the console's lock-out ({@link PasswordSignIn}) but its own failure counts (kept
 * under `portal:<email>`): someone who is both staff and a referrer is not locked out of the console by mistakes in
 * the portal, nor the other way round. A wrong password, an unknown email, a participant without a password, a
 * disabled one and a locked-out email all get the same `UnauthorizedError`, after one password check each.
 */
export class PortalSignInService {
  readonly #accounts: PortalAccountService;
  readonly #signIn: PasswordSignIn;

  constructor(deps: PortalSignInServiceDeps) {
    this.#accounts = deps.accounts;
    this.#signIn = new PasswordSignIn({
      ...deps,
      subject: 'participant',
      failureKey: portalFailureKey,
      signedInChanges: { method: 'password' },
    });
  }

  /** The id of the participant these credentials sign in (audited), or an `UnauthorizedError`. */
  signIn(email: string, password: string, context: { ip?: string | null } = {}): Promise<string> {
    return this.#signIn.signIn(
      { email, password, ip: context.ip },
      (normalised, given) => this.#accounts.verifyCredentials(normalised, given),
      (participantId) => participantId,
    );
  }
}
