import type { inferOutput } from '@trpc/tanstack-react-query';
import type { trpc } from './trpc.js';

/** A staff member as `auth.me` returns them. */
export type StaffUser = NonNullable<inferOutput<typeof trpc.auth.me>>;

/** One referral track as the console lists it. */
export type Track = inferOutput<typeof trpc.admin.tracks.list>[number];

/** What the installation runs on (`admin.system.status`). */
export type SystemStatus = inferOutput<typeof trpc.admin.system.status>;

/** A loaded plugin with its instances. */
export type LoadedPlugin = SystemStatus['plugins'][number];
