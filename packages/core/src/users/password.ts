import { type Algorithm, hash, verify } from '@node-rs/argon2';

/** Hashes and checks staff passwords; a port so tests can observe which hashes are checked. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a malformed hash; never throws for either. */
  verify(passwordHash: string, password: string): Promise<boolean>;
  /**
   * A hash in this hasher's format (same cost) of a secret nobody knows. Sign-in checks it when the account does
   * not exist or has no password, so the answer takes as long as for a wrong password.
   */
  readonly dummyHash: string;
}

// `Algorithm.Argon2id`: the package exports a const enum, which isolatedModules cannot read.
const ARGON2ID = 2 as Algorithm;

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane (≈35 ms a hash). */
export const ARGON2_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** argon2id with {@link ARGON2_OPTIONS} (`@node-rs/argon2`). */
export const argon2PasswordHasher: PasswordHasher = {
  hash: (password) => hash(password, ARGON2_OPTIONS),
  verify: async (passwordHash, password) => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  },
  // Generated once from 32 random bytes that were then thrown away; the parameters match ARGON2_OPTIONS.
  dummyHash:
    '$argon2id$v=19$m=19456,t=2,p=1$Fn9lA0yB5tdupxCsAY49Qw$1pefu/ktJdZLnUfOELKwbC3wFm0otAVz88hFqNl4Jpw',
};
