import type { Permission, Scope } from '@warmpath/core';

/**
 * Who may call a tRPC procedure:
 * - `'public'`: anyone, signed in or not (sign-in itself, `auth.me`/`portal.me` which answer null when signed out);
 * - `'participant'`: a participant signed in to the portal (`participantProcedure`);
 * - `'staff-session'`: any signed-in staff member, whatever the role (`staffSessionProcedure`: own account things);
 * - a {@link Permission}: staff whose role holds it in `ROLE_PERMISSIONS` (`staffProcedure.meta({ permission })`).
 */
export type ProcedureRule = 'public' | 'participant' | 'staff-session' | Permission;

/** Who may call an HTTP route outside tRPC and REST v1 (cookie sessions, like tRPC, or nothing). */
export type HttpRule = ProcedureRule;

/** Who may call a REST v1 route: `'public'` (no key) or an API key holding the {@link Scope}. */
export type RestRule = 'public' | Scope;

/**
 * The reviewed access table of every tRPC procedure. The access-matrix suite (access-matrix.test.ts) fails when a
 * procedure has no row here, when a row names a procedure that no longer exists, when a staff procedure's
 * `meta.permission` disagrees with its row, and when calling a procedure as anonymous, a participant or any staff
 * role is allowed or denied otherwise than this row (with ROLE_PERMISSIONS) says.
 *
 * Adding a procedure? Add its row in the same commit; review it like code: a `'public'` row is a decision.
 */
export const PROCEDURE_RULES: Readonly<Record<string, ProcedureRule>> = {
  'auth.signIn': 'public',
  'auth.signOut': 'public',
  'auth.me': 'public',
  'auth.signOutEverywhere': 'staff-session',
  'auth.changePassword': 'staff-session',
  // Answers only for a usable invitation token, like acceptInvitation; rate-limited like sign-ins.
  'auth.invitationPreview': 'public',
  'auth.acceptInvitation': 'public',
  'auth.requestPasswordReset': 'public',
  'auth.resetPassword': 'public',

  'admin.system.status': 'system:read',
  'admin.users.list': 'users:read',
  'admin.users.invitations': 'users:read',
  'admin.users.invite': 'users:manage',
  'admin.users.revokeInvitation': 'users:manage',
  'admin.users.changeRole': 'users:manage',
  'admin.users.disable': 'users:manage',
  'admin.users.enable': 'users:manage',
  'admin.users.sendPasswordReset': 'users:manage',
  'admin.apiKeys.list': 'api_keys:manage',
  'admin.apiKeys.create': 'api_keys:manage',
  'admin.apiKeys.revoke': 'api_keys:manage',
  'admin.tracks.list': 'tracks:read',
  'admin.tracks.byId': 'tracks:read',
  'admin.tracks.create': 'tracks:write',
  'admin.tracks.update': 'tracks:write',
  'admin.tracks.pause': 'tracks:write',
  'admin.tracks.resume': 'tracks:write',
  'admin.tracks.archive': 'tracks:write',
  'admin.participants.list': 'participants:read',
  'admin.participants.byId': 'participants:read',
  'admin.participants.invite': 'participants:invite',
  'admin.participants.loginLink': 'participants:write',
  'admin.referrals.list': 'referrals:read',
  'admin.referrals.board': 'referrals:read',
  'admin.referrals.byId': 'referrals:read',
  'admin.referrals.transition': 'referrals:write',
  'admin.referrals.addNote': 'referrals:notes',
  'admin.referrals.assign': 'referrals:assign',
  'admin.referrals.owners': 'referrals:assign',
  'admin.review.list': 'referrals:review',
  'admin.review.approve': 'referrals:review',
  'admin.review.reject': 'referrals:review',
  'admin.audit.list': 'audit:read',
  'admin.dashboard.summary': 'dashboard:read',
  'admin.webhooks.list': 'webhooks:read',
  'admin.webhooks.deliveries': 'webhooks:read',
  'admin.webhooks.create': 'webhooks:write',
  'admin.webhooks.update': 'webhooks:write',
  'admin.webhooks.delete': 'webhooks:write',
  'admin.webhooks.redeliver': 'webhooks:write',
  'admin.jobs.schedules': 'plugins:read',
  'admin.plugins.list': 'plugins:read',
  'admin.plugins.updateSettings': 'plugins:manage',
  'admin.plugins.setEnabled': 'plugins:manage',
  'admin.plugins.testConnection': 'plugins:manage',

  'portal.program': 'public',
  'portal.me': 'public',
  'portal.referrals.list': 'participant',
  'portal.referrals.byId': 'participant',
  // Sign-in and enrolment are for people who are not signed in; each answers alike whether an address is known.
  'portal.auth.requestMagicLink': 'public',
  'portal.auth.signIn': 'public',
  'portal.auth.signOut': 'public',
  'portal.auth.signInLink': 'public',
  'portal.auth.requestPasswordReset': 'public',
  'portal.auth.resetPassword': 'public',
  'portal.enrol.request': 'public',
  'portal.enrol.join': 'participant',
  'portal.account.get': 'participant',
  'portal.account.setPassword': 'participant',
  'portal.account.updateProfile': 'participant',
  'portal.tracks.mine': 'participant',
  'portal.referrals.formFor': 'participant',
  'portal.referrals.submit': 'participant',
};

/**
 * The reviewed access table of every REST v1 route (`METHOD /path` as registered, HEAD excluded: Fastify derives
 * it from GET with the same hooks). The same suite fails on a missing or stale row and calls each route with no key,
 * a key holding exactly the row's scope and a key holding every scope but it.
 */
export const REST_RULES: Readonly<Record<string, RestRule>> = {
  'GET /api/v1/openapi.json': 'public',
  // swagger-ui's browsable docs page and its assets
  'GET /api/v1/docs': 'public',
  'GET /api/v1/docs/static/index.html': 'public',
  'GET /api/v1/docs/static/swagger-initializer.js': 'public',
  'GET /api/v1/docs/static/*': 'public',
  'GET /api/v1/docs/json': 'public',
  'GET /api/v1/docs/yaml': 'public',

  'POST /api/v1/tracks': 'tracks:write',
  'GET /api/v1/tracks': 'tracks:read',
  'GET /api/v1/tracks/:slug': 'tracks:read',
  'PATCH /api/v1/tracks/:slug': 'tracks:write',

  'POST /api/v1/participants': 'participants:write',
  'GET /api/v1/participants/:id': 'participants:read',
  'POST /api/v1/participants/:id/login-links': 'participants:write',

  'POST /api/v1/referrals': 'referrals:write',
  'GET /api/v1/referrals': 'referrals:read',
  'GET /api/v1/referrals/:id': 'referrals:read',
  'POST /api/v1/referrals/:id/transitions': 'referrals:write',

  'GET /api/v1/audit-log': 'audit:read',
  'POST /api/v1/events': 'events:write',

  'POST /api/v1/webhook-endpoints': 'webhooks:write',
  'GET /api/v1/webhook-endpoints': 'webhooks:read',
  'GET /api/v1/webhook-endpoints/:id': 'webhooks:read',
  'DELETE /api/v1/webhook-endpoints/:id': 'webhooks:write',
  'GET /api/v1/webhook-endpoints/:id/deliveries': 'webhooks:read',
  'POST /api/v1/webhook-endpoints/:id/deliveries/:deliveryId/redeliver': 'webhooks:write',

  'POST /api/v1/api-keys': 'api-keys:write',
  'GET /api/v1/api-keys': 'api-keys:read',
  'DELETE /api/v1/api-keys/:id': 'api-keys:write',

  'GET /api/v1/plugins/:id/instances/:instance/settings': 'plugins:read',
  'PUT /api/v1/plugins/:id/instances/:instance/settings': 'plugins:write',
  'PUT /api/v1/plugins/:id/instances/:instance/enabled': 'plugins:write',
};

/**
 * The reviewed access table of the other HTTP routes (outside `/trpc` and `/api/v1`), which authenticate by session
 * cookie or not at all. Left out, because they are public files or authenticate themselves: the built admin and
 * portal apps (`/admin/*`, `/portal/*` assets) and plugin routes under `/plugins/` (signed webhooks, OAuth).
 */
export const HTTP_RULES: Readonly<Record<string, HttpRule>> = {
  'GET /': 'public',
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  // Public unless METRICS_TOKEN is set (then a bearer token, not a session).
  'GET /metrics': 'public',
  'GET /r/:code': 'public',
  'GET /t.js': 'public',
  'POST /t/conversions': 'public',
  'OPTIONS /t/conversions': 'public',
  // The confirmation of a one-time link opened from email (the portal page asks "Continue as …?" and posts the token):
  // the token is the credential; same-origin only, cookies or not (login CSRF).
  'POST /portal/login': 'public',
  'POST /portal/login/magic': 'public',
  'POST /portal/enrol/verify': 'public',
  'GET /admin/export/referrals.csv': 'referrals:export',
  'GET /admin/export/participants.csv': 'referrals:export',
};
