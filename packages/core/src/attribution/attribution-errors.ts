import { DomainError, NotFoundError } from '../errors.js';

/** No attribution model has the key (or the bare name matches none, or several). */
export class AttributionModelNotFoundError extends NotFoundError {
  constructor(readonly modelKey: string) {
    super(`No attribution model "${modelKey}" is loaded`);
  }
}

/** The model threw, or answered credits that break the contract; nothing of its answer is kept. */
export class AttributionModelError extends DomainError {
  readonly code = 'attribution_model_failed';

  constructor(
    readonly modelKey: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(`Attribution model "${modelKey}" failed: ${problem}`, options);
  }
}
