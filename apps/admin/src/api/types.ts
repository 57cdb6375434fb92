import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import type { trpc } from './trpc.js';

/** A staff member as `auth.me` returns them. */
export type StaffUser = NonNullable<inferOutput<typeof trpc.auth.me>>;

/** One referral track as the console lists it. */
export type Track = inferOutput<typeof trpc.admin.tracks.list>[number];

/** What the installation runs on (`admin.system.status`). */
export type SystemStatus = inferOutput<typeof trpc.admin.system.status>;

/** A loaded plugin with its instances. */
export type LoadedPlugin = SystemStatus['plugins'][number];

/** One scheduled job (core or plugin) with its timing and last/next run (`admin.jobs.schedules`). */
export type JobSchedule = inferOutput<typeof trpc.admin.jobs.schedules>[number];

/** A referral stage (`submitted`, `meeting_booked`…). */
export type ReferralStatus = ReferralDetail['status'];

/** One row of the participants list. */
export type ParticipantListItem = inferOutput<typeof trpc.admin.participants.list>['items'][number];

/** A participant's profile page. */
export type ParticipantProfile = inferOutput<typeof trpc.admin.participants.byId>;

/** One referral in the pipeline table or on a board card. */
export type ReferralListItem = inferOutput<typeof trpc.admin.referrals.list>['items'][number];

/** One stage column of the pipeline board. */
export type ReferralBoardColumn = inferOutput<typeof trpc.admin.referrals.board>['columns'][number];

/** Everything the referral page shows. */
export type ReferralDetail = inferOutput<typeof trpc.admin.referrals.byId>;

/** A referral held for review, with the flags that held it. */
export type ReviewQueueItem = inferOutput<typeof trpc.admin.review.list>['items'][number];

/** One audit log entry with its actor's name. */
export type AuditLogEntry = inferOutput<typeof trpc.admin.audit.list>['data'][number];

/** The dashboard's figures over a time range (`admin.dashboard.summary`). */
export type DashboardSummary = inferOutput<typeof trpc.admin.dashboard.summary>;

/** An API key as listed (never its secret). */
export type ApiKeyItem = inferOutput<typeof trpc.admin.apiKeys.list>[number];
/** A scope an API key may hold. */
export type ApiScope = ApiKeyItem['scopes'][number];

/** A staff account. */
export type StaffAccount = inferOutput<typeof trpc.admin.users.list>[number];
/** A staff role. */
export type StaffRole = StaffAccount['role'];

/** A webhook endpoint as listed (never its secret). */
export type WebhookEndpointItem = inferOutput<typeof trpc.admin.webhooks.list>['data'][number];
/** An event type an endpoint may subscribe to. */
export type WebhookEventChoice = NonNullable<inferInput<typeof trpc.admin.webhooks.create>['events']>[number];

/** An installed plugin with its settings form and instances (`admin.plugins.list`). */
export type InstalledPlugin = inferOutput<typeof trpc.admin.plugins.list>[number];

/** Something a staff role may do (`referrals:write`…), as `auth.me` lists the caller's. */
export type Permission = StaffUser['permissions'][number];
