import { type Clock, systemClock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import type { Mailer } from '../mail/mailer.js';
import { ignoreMailErrors, type MailErrorReporter } from '../portal/background-mail.js';
import { argon2PasswordHasher, type PasswordHasher } from '../users/password.js';

/** What a service that emails password links (staff or referrer resets) needs. */
export interface PasswordLinkDeps {
  db: Executor;
  mailer: Mailer;
  /** The base of the links (PUBLIC_URL). */
  publicUrl: string;
  clock?: Clock | undefined;
  /** Defaults to argon2id, as every portal and staff password. */
  passwordHasher?: PasswordHasher | undefined;
  onMailError?: MailErrorReporter | undefined;
}

/** {@link PasswordLinkDeps} with every default filled in and the link base without a trailing slash. */
export interface ResolvedPasswordLinkDeps {
  db: Executor;
  mailer: Mailer;
  publicUrl: string;
  clock: Clock;
  passwords: PasswordHasher;
  onMailError: MailErrorReporter;
}

/** Fills in the defaults both reset services share, so each constructor is one line. */
export function resolvePasswordLinkDeps(deps: PasswordLinkDeps): ResolvedPasswordLinkDeps {
  return {
    db: deps.db,
    mailer: deps.mailer,
    publicUrl: deps.publicUrl.replace(/\/+$/, ''),
    clock: deps.clock ?? systemClock,
    passwords: deps.passwordHasher ?? argon2PasswordHasher,
    onMailError: deps.onMailError ?? ignoreMailErrors,
  };
}
