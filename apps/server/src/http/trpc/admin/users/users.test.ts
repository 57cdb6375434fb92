import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testStacks } from '../../../../testing/test-server.js';
import { staffSessionCookieOf, trpcClient } from '../../trpc-test-client.js';
import { dataOf, errorOf, ownerCaller, type StaffCaller, staffCaller } from '../admin-test-kit.js';

const stacks = await testStacks();

/** The token of the newest invitation or reset link emailed to `email`. */
function tokenOf(server: TestServer, email: string): string {
  const link = server.mail.lastLinkTo(email);
  if (!link) throw new Error(`no link was emailed to ${email}`);
  return new URL(link).searchParams.get('token') ?? '';
}

describe.each(stacks)('staff invitations and accounts on $name', (stack) => {
  let server: TestServer;
  let owner: StaffCaller;
  let admin: StaffCaller;
  beforeAll(async () => {
    server = await startTestServer({ stack });
    owner = await ownerCaller(server);
    admin = await staffCaller(server, 'admin', 'ada-admin');
  });
  afterAll(() => server?.close());

  const auditOf = async (action: string, targetId: string) =>
    (await server.runtime.services.audit.list({ action, targetId, limit: 10 })).data;

  it('invites by email with a 7-day single-use link; accepting creates the account and signs it in', async () => {
    const invitation = dataOf(
      await admin.mutation('admin.users.invite', {
        email: ' New.Hire@Example.com',
        name: 'New Hire',
        role: 'sales',
      }),
    );
    expect(invitation).toMatchObject({ email: 'new.hire@example.com', role: 'sales' });
    expect(JSON.stringify(invitation)).not.toMatch(/token/i);
    const link = server.mail.lastLinkTo('new.hire@example.com') ?? '';
    expect(link).toMatch(/^http:\/\/localhost:3000\/admin\/accept-invite\?token=[a-z2-7]{32}$/);
    expect(new Date(invitation.expiresAt).getTime() - new Date(invitation.createdAt).getTime()).toBe(
      7 * 24 * 3600_000,
    );
    // Only the hash is stored.
    const token = tokenOf(server, 'new.hire@example.com');
    const stored = await server.runtime.database.db.selectFrom('staff_invitations').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    const pending = dataOf(await owner.query('admin.users.invitations'));
    expect(pending.map((row: { id: string }) => row.id)).toContain(invitation.id);

    const trpc = trpcClient(server.app);
    const accepted = await trpc.mutation('auth.acceptInvitation', { token, password: 'my own password 1' });
    expect(dataOf(accepted).user).toMatchObject({
      email: 'new.hire@example.com',
      name: 'New Hire',
      role: 'sales',
    });
    const cookie = staffSessionCookieOf(accepted);
    expect(cookie?.value).toBeTruthy();
    const me = dataOf(await trpc.query('auth.me', undefined, { cookie: `${cookie?.name}=${cookie?.value}` }));
    expect(me.email).toBe('new.hire@example.com');

    // Single use.
    const again = await trpc.mutation('auth.acceptInvitation', { token, password: 'another password 2' });
    expect(errorOf(again, 'BAD_REQUEST')).toMatch(/already been used/);
    expect(
      dataOf(await owner.query('admin.users.invitations')).map((row: { id: string }) => row.id),
    ).not.toContain(invitation.id);
    expect(await auditOf('user.invited', invitation.id)).toHaveLength(1);
    const [acceptedEntry] = await auditOf('user.invitation_accepted', invitation.id);
    expect(acceptedEntry?.actor).toEqual({ type: 'user', id: me.id });
  });

  it('shows who an invitation is for before it is accepted, and only for a usable link', async () => {
    const trpc = trpcClient(server.app);
    const invitation = dataOf(
      await owner.mutation('admin.users.invite', {
        email: 'peek@example.com',
        name: 'Peek',
        role: 'finance',
      }),
    );
    const token = tokenOf(server, 'peek@example.com');
    expect(dataOf(await trpc.query('auth.invitationPreview', { token }))).toEqual({
      email: 'peek@example.com',
      name: 'Peek',
      role: 'finance',
      expiresAt: invitation.expiresAt,
    });
    const guessed = await trpc.query('auth.invitationPreview', { token: 'a'.repeat(32) });
    expect(errorOf(guessed, 'BAD_REQUEST')).toMatch(/not valid/);
    expect(guessed.body).not.toMatch(/peek|finance/i);
    dataOf(await trpc.mutation('auth.acceptInvitation', { token, password: 'peek password 1' }));
    const used = await trpc.query('auth.invitationPreview', { token });
    expect(errorOf(used, 'BAD_REQUEST')).toMatch(/already been used; sign in instead/);
  });

  it('lets an owner or admin email someone a password reset link, audited, within the account rules', async () => {
    const rosa = await staffCaller(server, 'sales', 'rosa-sales');
    const email = 'rosa-sales@test.warmpath.local';
    expect(dataOf(await admin.mutation('admin.users.sendPasswordReset', { id: rosa.userId }))).toEqual({
      email,
    });
    const link = server.mail.lastLinkTo(email) ?? '';
    expect(link).toMatch(/^http:\/\/localhost:3000\/admin\/reset-password\?token=[a-z2-7]{32}$/);
    const [entry] = await auditOf('auth.password_reset_sent', rosa.userId);
    expect(entry?.actor).toEqual({ type: 'user', id: admin.userId });
    const token = new URL(link).searchParams.get('token') ?? '';
    dataOf(
      await trpcClient(server.app).mutation('auth.resetPassword', { token, password: 'rosa new password' }),
    );

    // Admins cannot reset owners; nobody their own account; roles without users:manage nobody's.
    errorOf(await admin.mutation('admin.users.sendPasswordReset', { id: owner.userId }), 'FORBIDDEN');
    errorOf(await owner.mutation('admin.users.sendPasswordReset', { id: owner.userId }), 'FORBIDDEN');
    const manager = await staffCaller(server, 'manager', 'max-manager');
    errorOf(await manager.mutation('admin.users.sendPasswordReset', { id: rosa.userId }), 'FORBIDDEN');
    dataOf(await admin.mutation('admin.users.disable', { id: rosa.userId }));
    errorOf(await admin.mutation('admin.users.sendPasswordReset', { id: rosa.userId }), 'CONFLICT');
    expect(await auditOf('auth.password_reset_sent', rosa.userId)).toHaveLength(1);
  });

  it('refuses tampered, revoked and expired links with a clear error', async () => {
    const trpc = trpcClient(server.app);
    const tampered = await trpc.mutation('auth.acceptInvitation', {
      token: 'a'.repeat(32),
      password: 'a fine password',
    });
    expect(errorOf(tampered, 'BAD_REQUEST')).toMatch(/not valid/);

    const invitation = dataOf(
      await owner.mutation('admin.users.invite', {
        email: 'revoked@example.com',
        name: 'Rev',
        role: 'viewer',
      }),
    );
    const token = tokenOf(server, 'revoked@example.com');
    dataOf(await owner.mutation('admin.users.revokeInvitation', { id: invitation.id }));
    expect(await auditOf('user.invitation_revoked', invitation.id)).toHaveLength(1);
    const revoked = await trpc.mutation('auth.acceptInvitation', { token, password: 'a fine password' });
    expect(errorOf(revoked, 'BAD_REQUEST')).toMatch(/withdrawn/);

    dataOf(
      await owner.mutation('admin.users.invite', { email: 'late@example.com', name: 'Late', role: 'viewer' }),
    );
    const lateToken = tokenOf(server, 'late@example.com');
    await server.runtime.database.db
      .updateTable('staff_invitations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('email', '=', 'late@example.com')
      .execute();
    const expired = await trpc.mutation('auth.acceptInvitation', {
      token: lateToken,
      password: 'a fine password',
    });
    expect(errorOf(expired, 'BAD_REQUEST')).toMatch(/expired/);
    expect(await server.runtime.services.users.findByEmail('late@example.com')).toBeNull();
  });

  it('creates one account when the same link is used twice at once', async () => {
    dataOf(
      await owner.mutation('admin.users.invite', {
        email: 'twice@example.com',
        name: 'Twice',
        role: 'viewer',
      }),
    );
    const token = tokenOf(server, 'twice@example.com');
    const trpc = trpcClient(server.app);
    const answers = await Promise.all(
      ['first password 1', 'second password 2'].map((password) =>
        trpc.mutation('auth.acceptInvitation', { token, password }),
      ),
    );
    expect(answers.map((res) => res.statusCode).sort()).toEqual([200, 400]);
    const accounts = (await server.runtime.services.users.list()).filter(
      (user) => user.email === 'twice@example.com',
    );
    expect(accounts).toHaveLength(1);
  });

  it('refuses to invite an email that has an account, or a role the inviter cannot give', async () => {
    const existing = await admin.mutation('admin.users.invite', {
      email: server.owner.email.toUpperCase(),
      name: 'Dup',
      role: 'viewer',
    });
    errorOf(existing, 'CONFLICT');
    const ownerByAdmin = await admin.mutation('admin.users.invite', {
      email: 'boss@example.com',
      name: 'Boss',
      role: 'owner',
    });
    errorOf(ownerByAdmin, 'FORBIDDEN');
    expect(server.mail.lastTo('boss@example.com')).toBeUndefined();
    const manager = await staffCaller(server, 'manager', 'mia-manager');
    errorOf(
      await manager.mutation('admin.users.invite', { email: 'x@example.com', name: 'X', role: 'viewer' }),
      'FORBIDDEN',
    );
    expect(dataOf(await manager.query('admin.users.list')).length).toBeGreaterThan(1);
  });

  it('changes roles within the rules, audited: not one’s own, admins not owners', async () => {
    const sam = await staffCaller(server, 'sales', 'sam-sales');
    const changed = dataOf(
      await admin.mutation('admin.users.changeRole', { id: sam.userId, role: 'finance' }),
    );
    expect(changed.role).toBe('finance');
    const [entry] = await auditOf('user.role_changed', sam.userId);
    expect(entry).toMatchObject({
      actor: { type: 'user', id: admin.userId },
      changes: { role: { before: 'sales', after: 'finance' } },
    });

    errorOf(await admin.mutation('admin.users.changeRole', { id: admin.userId, role: 'owner' }), 'FORBIDDEN');
    errorOf(await admin.mutation('admin.users.changeRole', { id: sam.userId, role: 'owner' }), 'FORBIDDEN');
    errorOf(
      await admin.mutation('admin.users.changeRole', { id: owner.userId, role: 'viewer' }),
      'FORBIDDEN',
    );
    errorOf(await admin.mutation('admin.users.disable', { id: owner.userId }), 'FORBIDDEN');
    errorOf(await owner.mutation('admin.users.changeRole', { id: owner.userId, role: 'admin' }), 'FORBIDDEN');
    errorOf(
      await owner.mutation('admin.users.changeRole', {
        id: '0190a000-0000-7000-8000-00000000ffff',
        role: 'admin',
      }),
      'NOT_FOUND',
    );
    expect((await server.runtime.services.users.findById(owner.userId))?.role).toBe('owner');
  });

  it('disabling ends the account’s sessions and sign-in; enabling lets it sign in again', async () => {
    const victor = await staffCaller(server, 'viewer', 'victor-viewer');
    expect(dataOf(await victor.query('auth.me'))?.id).toBe(victor.userId);
    const disabled = dataOf(await admin.mutation('admin.users.disable', { id: victor.userId }));
    expect(disabled.disabledAt).not.toBeNull();
    expect(dataOf(await victor.query('auth.me'))).toBeNull();
    const credentials = {
      email: 'victor-viewer@test.warmpath.local',
      password: 'a long enough password 123',
    };
    errorOf(await trpcClient(server.app).mutation('auth.signIn', credentials), 'UNAUTHORIZED');
    expect(await auditOf('user.disabled', victor.userId)).toHaveLength(1);

    dataOf(await admin.mutation('admin.users.enable', { id: victor.userId }));
    expect(await auditOf('user.enabled', victor.userId)).toHaveLength(1);
    dataOf(await trpcClient(server.app).mutation('auth.signIn', credentials));
  });

  it('keeps the last owner: it cannot be demoted or disabled by another owner either', async () => {
    const second = await staffCaller(server, 'owner', 'olga-owner');
    // Two owners: one may demote the other, leaving one.
    dataOf(await owner.mutation('admin.users.changeRole', { id: second.userId, role: 'admin' }));
    // Now the test owner is the last enabled owner; disable the promoted one and try via a fresh owner account.
    const third = await staffCaller(server, 'owner', 'otto-owner');
    dataOf(await third.mutation('admin.users.disable', { id: owner.userId }));
    errorOf(await owner.query('admin.users.list'), 'UNAUTHORIZED');
    // otto is now the only enabled owner; second (an admin) cannot touch owners and owners cannot change themselves.
    const message = errorOf(
      await third.mutation('admin.users.changeRole', { id: third.userId, role: 'admin' }),
      'FORBIDDEN',
    );
    expect(message).toMatch(/own/);
    await expect(
      server.runtime.services.staffAccounts.disable(
        third.userId,
        { id: second.userId, role: 'owner' },
        {
          actor: { type: 'system', id: null },
        },
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
    dataOf(await third.mutation('admin.users.enable', { id: owner.userId }));
    owner = await ownerCaller(server);
  });
});
