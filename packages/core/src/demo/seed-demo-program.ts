import { SYSTEM_CONTEXT } from '../audit/audit.schema.js';
import type { Clock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import { ConflictError } from '../errors.js';
import { DEFAULT_B2B_FORM } from '../tracks/default-b2b-form.js';
import type { CreateTrackInput, Track } from '../tracks/track.schema.js';
import { TrackService } from '../tracks/track.service.js';

/** The three lanes of the demo program: one per kind of referrer. */
export const DEMO_TRACKS: readonly CreateTrackInput[] = [
  {
    slug: 'clients',
    name: 'Clients',
    kind: 'client',
    landingUrl: 'https://example.com/referrals/clients',
    allowedDestinations: ['https://example.com/pricing', 'https://example.com/demo'],
    attributionWindowDays: 90,
    autoAccept: false,
    slaHours: 48,
    form: DEFAULT_B2B_FORM,
  },
  {
    slug: 'partners',
    name: 'Partners',
    kind: 'partner',
    landingUrl: 'https://example.com/referrals/partners',
    allowedDestinations: ['https://example.com/partners', 'https://example.com/demo'],
    // Partner-sourced deals take longer to close; credit them over a longer window.
    attributionWindowDays: 180,
    autoAccept: false,
    slaHours: 24,
    form: DEFAULT_B2B_FORM,
  },
  {
    slug: 'employees',
    name: 'Employees',
    kind: 'employee',
    landingUrl: 'https://example.com/referrals/employees',
    allowedDestinations: ['https://example.com/demo'],
    attributionWindowDays: 90,
    // Colleagues' introductions need no screening before sales sees them.
    autoAccept: true,
    slaHours: 72,
    form: DEFAULT_B2B_FORM,
  },
];

/** What {@link seedDemoProgram} did. */
export interface DemoProgram {
  /** The demo tracks, in {@link DEMO_TRACKS} order. */
  tracks: Track[];
  /** Slugs of the tracks created by this call; empty when the program was already there. */
  created: string[];
}

/**
 * Creates the demo program (Clients, Partners and Employees tracks) where it is missing. Idempotent: existing
 * tracks with these slugs are left exactly as they are, edits included.
 */
export async function seedDemoProgram(deps: {
  db: Executor;
  clock?: Clock | undefined;
}): Promise<DemoProgram> {
  const tracks = new TrackService(deps);
  const program: DemoProgram = { tracks: [], created: [] };
  for (const input of DEMO_TRACKS) {
    const existing = await tracks.findBySlug(input.slug);
    if (existing) {
      program.tracks.push(existing);
      continue;
    }
    try {
      program.tracks.push(await tracks.create(input, SYSTEM_CONTEXT));
      program.created.push(input.slug);
    } catch (error) {
      // Another instance seeded the same track between our read and our write.
      if (!(error instanceof ConflictError)) throw error;
      program.tracks.push(await tracks.getBySlug(input.slug));
    }
  }
  return program;
}
