export { silentJobLogger } from '../logger.js';
export { describeJobQueueContract, type JobQueueFactory } from './job-queue-contract.js';
export {
  deleteRedisKeys,
  isRedisReachable,
  type QueueDriverName,
  TEST_REDIS_URL,
  testQueueDrivers,
  uniqueRedisPrefix,
} from './redis.js';
export {
  canStartRedisServer,
  isRedisServerInstalled,
  type RedisServerProcess,
  startRedisServer,
} from './redis-server.js';
export { sleep, waitFor } from './wait-for.js';
