import { expect } from 'vitest';
import type { TestServer } from '../../../../testing/test-server.js';
import { dataOf, type StaffCaller } from '../admin-test-kit.js';

/** A track with a two-question form and no automatic owner, and one invited referrer in it. */
export async function pipelineFixture(server: TestServer, owner: StaffCaller, slug: string) {
  const track = dataOf(
    await owner.mutation('admin.tracks.create', {
      slug,
      name: `${slug} track`,
      kind: 'client',
      landingUrl: 'https://example.com/',
      routing: { rules: [], fallback: 'none' },
      form: {
        fields: [
          { key: 'region', label: 'Which region?', type: 'select', options: ['EMEA', 'Americas'] },
          { key: 'seats', label: 'How many seats?', type: 'number' },
        ],
      },
    }),
  );
  const { id: participantId } = dataOf(
    await owner.mutation('admin.participants.invite', {
      email: `ada@${slug}-partners.example`,
      name: 'Ada Referrer',
      trackIds: [track.id],
    }),
  );
  /** Submits a referral through the REST API; a free-mail contact makes the fraud rules hold it for review. */
  async function refer(
    company: string,
    options: { freeMail?: boolean; answers?: object } = {},
  ): Promise<string> {
    const domain = `${company.toLowerCase()}.example`;
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/referrals',
      headers: { authorization: `Bearer ${server.apiKey}` },
      payload: {
        track: slug,
        participantId,
        company: { name: company, domain },
        contacts: [
          {
            name: 'Dana Buyer',
            email: options.freeMail ? 'dana.buyer@gmail.com' : `dana@${domain}`,
            role: 'decision_maker',
          },
          { name: 'Tom Tech', email: `tom@${domain}`, role: 'technical_evaluator' },
        ],
        ...(options.answers ? { answers: options.answers } : {}),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }
  return { track, participantId, refer };
}
