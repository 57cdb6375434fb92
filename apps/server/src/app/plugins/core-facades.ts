import { NotFoundError } from '@warmpath/core';
import type { CoreServices, JsonValue } from '@warmpath/plugin-sdk';
import type { Services } from '../runtime.js';

/** `null` for a missing (or malformed) id: facades answer "no such thing" rather than throwing at plugins. */
async function orNull<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/**
 * Read facades of core services for plugins: they see domain objects in the SDK's shapes, never the database.
 * (Writes come later as explicit use cases, each audited like any other actor's.)
 */
export function coreFacades(services: Services): CoreServices {
  const trackBySlug = async (slug: string) => (await services.tracks.list()).find((t) => t.slug === slug);
  return {
    referrals: {
      get: (id) =>
        orNull(async () => {
          const referral = await services.referrals.get(id);
          const track = await trackBySlug(referral.track);
          if (!track) return null;
          return {
            referral: {
              id: referral.id,
              trackId: track.id,
              participantId: referral.participantId,
              companyId: referral.company.id,
              status: referral.status,
              answers: referral.answers as Record<string, JsonValue>,
              note: referral.note ?? null,
              createdAt: referral.createdAt,
            },
            company: referral.company,
            contacts: referral.contacts.map((contact) => ({
              id: contact.id,
              name: contact.name,
              email: contact.email,
              title: contact.title ?? null,
              role: contact.role ?? null,
            })),
          };
        }),
    },
    participants: {
      get: (id) =>
        orNull(async () => {
          const participant = await services.participants.get(id);
          return {
            id: participant.id,
            email: participant.email,
            name: participant.name,
            title: participant.title,
            companyId: null,
            createdAt: participant.createdAt,
          };
        }),
    },
    tracks: {
      async get(id) {
        const track = (await services.tracks.list()).find((t) => t.id === id);
        return track
          ? {
              id: track.id,
              slug: track.slug,
              name: track.name,
              kind: track.kind,
              attributionWindowDays: track.attributionWindowDays,
              autoAccept: track.autoAccept,
            }
          : null;
      },
    },
  };
}
