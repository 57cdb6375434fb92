/** A path into a payload (`['contacts', 0, 'email']`) and what is wrong there. */
export interface PayloadIssue {
  path: (string | number)[];
  message: string;
}

/** Base class of every error the job API throws on purpose; `code` is stable for callers to branch on. */
export class JobQueueError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** `enqueue()` named a job nobody defined on this queue. */
export class UnknownJobError extends JobQueueError {
  constructor(readonly jobName: string) {
    super('unknown_job', `No job named "${jobName}" is defined on this queue`);
  }
}

/** A payload did not match the job's schema; `issues` carry field paths so HTTP layers can map them. */
export class JobPayloadValidationError extends JobQueueError {
  constructor(
    readonly jobName: string,
    readonly issues: PayloadIssue[],
  ) {
    const summary = issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    super('invalid_payload', `Invalid payload for job "${jobName}": ${summary}`);
  }
}

/** A job definition is invalid or arrives too late (duplicate name, bad name, defined after start). */
export class JobDefinitionError extends JobQueueError {
  constructor(message: string) {
    super('invalid_definition', message);
  }
}

/** The backing store (Redis) cannot be reached; the caller should retry later (the outbox does). */
export class JobQueueUnavailableError extends JobQueueError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('queue_unavailable', message, options);
  }
}

/** The queue was stopped; it accepts no more jobs. */
export class JobQueueClosedError extends JobQueueError {
  constructor() {
    super('queue_closed', 'The job queue has been stopped');
  }
}

/** A lifecycle call in the wrong order (start twice, drain while not processing…). */
export class JobQueueStateError extends JobQueueError {
  constructor(message: string) {
    super('invalid_state', message);
  }
}
