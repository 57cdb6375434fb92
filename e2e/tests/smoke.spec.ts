import { signInAsOwner, test } from '../support/test.js';

test('owner signs in', async ({ page }) => {
  await signInAsOwner(page);
});
