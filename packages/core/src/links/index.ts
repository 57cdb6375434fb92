export { countClicksFromIpHash, creditClicksToReferral, findLandingClick } from './click-credit.js';
