import { DomainError } from '../errors.js';

/** No inference backend is loaded, or none has the key asked for. */
export class NoInferenceBackendError extends DomainError {
  readonly code = 'no_inference_backend';
}

/** The backend cannot do what was asked (embeddings, structured output). */
export class InferenceUnsupportedError extends DomainError {
  readonly code = 'inference_unsupported';
}

/** The prompt is longer than the engine's limit or leaves the backend no room to answer. */
export class InferencePromptTooLargeError extends DomainError {
  readonly code = 'inference_prompt_too_large';
}

/** The backend's per-minute budget of calls is spent; try again after `retryAfterMs`. */
export class InferenceRateLimitedError extends DomainError {
  readonly code = 'inference_rate_limited';

  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

/** The backend did not answer (including the wait for a free slot) within the call timeout. */
export class InferenceTimeoutError extends DomainError {
  readonly code = 'inference_timeout';
}

/** The backend threw, or answered something that is not a valid completion or embedding, twice for schemas. */
export class InferenceBackendError extends DomainError {
  readonly code = 'inference_backend_failed';

  constructor(
    readonly backendKey: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(`Inference backend "${backendKey}" failed: ${problem}`, options);
  }
}
