export { seedDashboardScenario } from '../dashboard/dashboard-test-kit.js';
export {
  type ReceivedWebhook,
  startTestWebhookReceiver,
  type TestWebhookReceiver,
} from '../webhooks/test-webhook-receiver.js';
export { createFakeClock, type FakeClock } from './fake-clock.js';
