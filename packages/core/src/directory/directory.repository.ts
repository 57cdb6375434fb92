import { type CompanyRow, newId, type PersonRow } from '@warmpath/db';
import type { Executor } from '../common/executor.js';

/**
 * The company with this (normalised) domain, created if new. An existing company keeps its name: the first
 * spelling wins, later referrals do not rename the account.
 */
export async function upsertCompanyByDomain(
  executor: Executor,
  company: { name: string; domain: string },
  now: Date,
): Promise<CompanyRow> {
  return executor
    .insertInto('companies')
    .values({ id: newId(), name: company.name.trim(), domain: company.domain, updated_at: now })
    .onConflict((oc) => oc.column('domain').doUpdateSet({ updated_at: now }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The person with this (normalised) email, created if new. Name, title and company are filled in when still
 * missing but never overwritten here: what a referrer typed about someone must not rename an existing contact.
 */
export async function upsertPersonByEmail(
  executor: Executor,
  person: {
    email: string;
    name: string;
    title?: string | null | undefined;
    companyId?: string | null | undefined;
  },
  now: Date,
): Promise<PersonRow> {
  const inserted = await executor
    .insertInto('people')
    .values({
      id: newId(),
      email: person.email,
      name: person.name.trim(),
      title: person.title?.trim() || null,
      company_id: person.companyId ?? null,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet((eb) => ({
        title: eb.fn.coalesce('people.title', eb.ref('excluded.title')),
        company_id: eb.fn.coalesce('people.company_id', eb.ref('excluded.company_id')),
        updated_at: now,
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return inserted;
}

export async function findCompanyById(executor: Executor, id: string): Promise<CompanyRow | undefined> {
  return executor.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPersonById(executor: Executor, id: string): Promise<PersonRow | undefined> {
  return executor.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}
