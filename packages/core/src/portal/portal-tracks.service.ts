import type { JsonValue, TrackKind } from '@warmpath/db';
import { CONTACT_ROLE_LABELS } from '@warmpath/plugin-sdk';
import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import { NotFoundError, parseInput } from '../errors.js';
import { referralLinkUrl } from '../participants/participant-record.js';
import { CONTACT_ROLES, type ContactRole } from '../referrals/referral.schema.js';
import type { FormField, TrackForm } from '../tracks/track.schema.js';
import {
  type PortalCopy,
  portalCopySchema,
  readReferralTrackSettings,
} from '../tracks/track-settings.schema.js';
import { portalFormForInputSchema } from './portal.schema.js';
import {
  findMyTrackRow,
  type PortalTrackRow,
  selectActiveTrackRows,
  selectMyEnrolmentRows,
} from './portal-tracks.repository.js';
import { buildShareText, type ShareText } from './share-text.js';

/** A track on the portal's public landing page. */
export interface ProgramTrack {
  slug: string;
  name: string;
  kind: TrackKind;
  copy: PortalCopy;
  /** Whether anyone may enrol through the portal (after confirming their email). */
  selfEnrolment: boolean;
}

/** One of my tracks on the portal's home page: my link, its counted clicks, my referrals and sharing text. */
export interface MyTrack {
  slug: string;
  name: string;
  kind: TrackKind;
  copy: PortalCopy;
  /** False while the track is paused: new referrals wait. */
  acceptsReferrals: boolean;
  /**
   * My referral link; null while the track is paused, when `/r/{code}` answers 404: a link that does not work is
   * not handed out to be copied or shared.
   */
  link: { code: string; url: string } | null;
  /** Clicks on my link, without those flagged as bots. */
  clickCount: number;
  referralCount: number;
  /** Ready-made posts carrying my link; null whenever `link` is. */
  share: ShareText | null;
}

/** A track's intake form as the portal renders it. */
export interface ReferralForm {
  track: { slug: string; name: string; kind: TrackKind; copy: PortalCopy };
  acceptsReferrals: boolean;
  fields: FormField[];
  /** The buying-committee roles a contact may have, with labels. */
  contactRoles: { value: ContactRole; label: string }[];
}

/** Dependencies of {@link PortalTrackService}. */
export interface PortalTrackServiceDeps {
  db: Executor;
  /** The base of referral links (PUBLIC_URL). */
  publicUrl: string;
}

/** What the portal shows about tracks: the public program, my tracks and links, and intake forms. */
export class PortalTrackService {
  readonly #db: Executor;
  readonly #publicUrl: string;

  constructor(deps: PortalTrackServiceDeps) {
    this.#db = deps.db;
    this.#publicUrl = deps.publicUrl.replace(/\/+$/, '');
  }

  /** The active tracks with their public copy; nothing internal (routing, SLA, fraud thresholds). */
  async program(): Promise<{ tracks: ProgramTrack[] }> {
    const rows = await selectActiveTrackRows(this.#db);
    return {
      tracks: rows.map((row) => ({
        ...publicTrack(row),
        selfEnrolment: readReferralTrackSettings(row.settings).selfEnrolment,
      })),
    };
  }

  /** The participant's enrolments (archived tracks left out) with links, counts and share text. */
  async myTracks(participantId: string): Promise<MyTrack[]> {
    if (!isUuid(participantId)) return [];
    const rows = await selectMyEnrolmentRows(this.#db, participantId);
    return rows.map((row) => {
      const track = publicTrack(row);
      // Only an active track's links redirect (see LinkTarget.isActive); archived ones are not listed at all.
      const isLinkActive = row.status === 'active';
      const url = referralLinkUrl(this.#publicUrl, row.code);
      return {
        ...track,
        acceptsReferrals: row.status === 'active',
        link: isLinkActive ? { code: row.code, url } : null,
        clickCount: Number(row.click_count ?? 0),
        referralCount: Number(row.referral_count ?? 0),
        share: isLinkActive ? buildShareText(track, url) : null,
      };
    });
  }

  /**
   * The intake form of a track the participant is enrolled in. Any other track — unknown, archived or simply not
   * theirs — is the same `NotFoundError`.
   */
  async formFor(participantId: string, input: { trackSlug: string }): Promise<ReferralForm> {
    const { trackSlug } = parseInput(portalFormForInputSchema, input);
    const row = isUuid(participantId) ? await findMyTrackRow(this.#db, participantId, trackSlug) : undefined;
    if (!row) throw new NotFoundError(`You are not enrolled in a track ${trackSlug}`);
    return {
      track: publicTrack(row),
      acceptsReferrals: row.status === 'active',
      fields: formFields(row.form),
      contactRoles: CONTACT_ROLES.map((value) => ({ value, label: CONTACT_ROLE_LABELS[value] })),
    };
  }
}

function publicTrack(row: PortalTrackRow): { slug: string; name: string; kind: TrackKind; copy: PortalCopy } {
  return {
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    copy: portalCopySchema.catch({}).parse(row.settings.portalCopy ?? {}),
  };
}

function formFields(form: JsonValue): FormField[] {
  // Only ever written from a parsed `trackFormSchema` (see toTrack).
  return (form as TrackForm | null)?.fields ?? [];
}
