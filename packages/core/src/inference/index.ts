export {
  type CompleteOptions,
  type InferenceCallOptions,
  type InferenceCompletion,
  InferenceEngine,
  type InferenceEngineOptions,
} from './inference-engine.js';
export {
  InferenceBackendError,
  InferencePromptTooLargeError,
  InferenceRateLimitedError,
  InferenceTimeoutError,
  InferenceUnsupportedError,
  NoInferenceBackendError,
} from './inference-errors.js';
export {
  checkPromptFits,
  DEFAULT_INFERENCE_LIMITS,
  estimateTokens,
  type InferenceLimits,
  promptChars,
} from './inference-limits.js';
