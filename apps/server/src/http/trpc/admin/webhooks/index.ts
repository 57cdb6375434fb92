import { router } from '../../trpc.js';
import { webhookCreate } from './create.js';
import { webhookDelete } from './delete.js';
import { webhookDeliveries } from './deliveries.js';
import { webhooksList } from './list.js';
import { webhookRedeliver } from './redeliver.js';
import { webhookUpdate } from './update.js';

/** `admin.webhooks.*`: endpoints, their delivery log and redelivery. */
export const adminWebhooksRouter = router({
  list: webhooksList,
  create: webhookCreate,
  update: webhookUpdate,
  delete: webhookDelete,
  deliveries: webhookDeliveries,
  redeliver: webhookRedeliver,
});
