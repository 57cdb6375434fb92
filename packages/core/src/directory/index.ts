export {
  findCompanyById,
  findPersonById,
  upsertCompanyByDomain,
  upsertPersonByEmail,
} from './directory.repository.js';
export { emailDomain, normaliseDomain } from './normalise.js';
