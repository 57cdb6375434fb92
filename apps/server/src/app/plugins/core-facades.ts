import { NotFoundError } from '@warmpath/core';
import type { CoreServices, JsonValue, PluginIdentity } from '@warmpath/plugin-sdk';
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

/** Who writes when no plugin is named (tests reading through the facades). */
const HOST_IDENTITY: PluginIdentity = Object.freeze({ id: 'host', version: '0.0.0', instance: 'default' });

/**
 * Facades of core services for one plugin instance: reads in the SDK's shapes, never the database, and narrow
 * write use cases (`PluginWrites`) that validate their input and are audited with the actor `plugin:<id>`.
 */
export function coreFacades(services: Services, plugin: PluginIdentity = HOST_IDENTITY): CoreServices {
  const writer = { id: plugin.id, instance: plugin.instance };
  const writes = services.pluginWrites;
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
      async applyCrmChanges(changes) {
        const { applied, recorded, refused } = await writes.applyCrmChanges(writer, changes);
        return { applied, recorded, refused };
      },
      addNote: (referralId, text) => writes.addNote(writer, referralId, text),
    },
    rewards: {
      reportDelivery: (ref, status, reason) => writes.reportDelivery(writer, ref, status, reason),
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
