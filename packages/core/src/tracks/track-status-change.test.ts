import { describe, expect, it } from 'vitest';
import { ConflictError } from '../errors.js';
import { nextTrackStatus } from './track-status-change.js';

describe('track status moves', () => {
  it('pauses only active tracks, archives active or paused ones, resumes paused or archived ones', () => {
    expect(nextTrackStatus('active', 'pause')).toBe('paused');
    expect(nextTrackStatus('active', 'archive')).toBe('archived');
    expect(nextTrackStatus('paused', 'archive')).toBe('archived');
    expect(nextTrackStatus('paused', 'resume')).toBe('active');
    expect(nextTrackStatus('archived', 'resume')).toBe('active');
  });

  it('treats a repeated move as no change', () => {
    expect(nextTrackStatus('paused', 'pause')).toBe('paused');
    expect(nextTrackStatus('archived', 'archive')).toBe('archived');
    expect(nextTrackStatus('active', 'resume')).toBe('active');
  });

  it('refuses to pause an archived track: it would come back to life as paused', () => {
    expect(() => nextTrackStatus('archived', 'pause')).toThrow(ConflictError);
  });
});
