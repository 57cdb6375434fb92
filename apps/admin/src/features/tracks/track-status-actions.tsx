import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, FormAlert } from '@warmpath/ui';
import { useState } from 'react';
import { useCan } from '../../access/use-can.js';
import { describeError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import type { Track } from '../../api/types.js';

type StatusAction = 'pause' | 'resume' | 'archive';

const confirmations: Record<StatusAction, { title: string; description: string; button: string }> = {
  pause: {
    title: 'Pause this track?',
    description: 'Its referral links stop working until you resume it. Referrals already made are kept.',
    button: 'Pause track',
  },
  resume: {
    title: 'Resume this track?',
    description: 'Its referral links work again and referrers can submit introductions.',
    button: 'Resume track',
  },
  archive: {
    title: 'Archive this track?',
    description: 'Its links stop and nobody can be enrolled in it. You can resume it later.',
    button: 'Archive track',
  },
};

/** Pause, resume or archive a track, each after a confirmation; nothing for roles that cannot change tracks. */
export function TrackStatusActions({ track }: { track: Track }) {
  return useCan('tracks:write') ? <TrackStatusButtons track={track} /> : null;
}

function TrackStatusButtons({ track }: { track: Track }) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<StatusAction | null>(null);
  const options = {
    onSuccess: async () => {
      setPending(null);
      await queryClient.invalidateQueries({ queryKey: trpc.admin.tracks.pathKey() });
    },
  };
  const mutations = {
    pause: useMutation(trpc.admin.tracks.pause.mutationOptions(options)),
    resume: useMutation(trpc.admin.tracks.resume.mutationOptions(options)),
    archive: useMutation(trpc.admin.tracks.archive.mutationOptions(options)),
  };
  const available: StatusAction[] =
    track.status === 'active'
      ? ['pause', 'archive']
      : track.status === 'paused'
        ? ['resume', 'archive']
        : ['resume'];
  const mutation = pending ? mutations[pending] : undefined;
  const confirmation = pending ? confirmations[pending] : undefined;

  return (
    <div className="button-row">
      {available.map((action) => (
        <Button
          key={action}
          variant={action === 'archive' ? 'danger' : 'secondary'}
          onClick={() => {
            mutations[action].reset();
            setPending(action);
          }}
        >
          {confirmations[action].button}
        </Button>
      ))}
      <Dialog
        isOpen={pending !== null}
        onClose={() => setPending(null)}
        title={confirmation?.title ?? ''}
        description={confirmation?.description}
        footer={
          pending && confirmation ? (
            <>
              <Button variant="secondary" onClick={() => setPending(null)}>
                Cancel
              </Button>
              <Button
                variant={pending === 'archive' ? 'danger' : 'primary'}
                isLoading={mutation?.isPending}
                onClick={() => mutation?.mutate({ id: track.id })}
              >
                {confirmation.button}
              </Button>
            </>
          ) : null
        }
      >
        {mutation?.isError ? <FormAlert>{describeError(mutation.error)}</FormAlert> : null}
      </Dialog>
    </div>
  );
}
