// A failure that retrying cannot fix (e.g. the record is gone, the provider refused the credentials).
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

// The far side asked us to come back later (HTTP 429/503 with Retry-After); counts as an attempt.
export class RetryLaterError extends Error {
  override name = "RetryLaterError";
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
  }
}
