/** Why a call failed, as codes: kept apart from the contract's schemas, so that code that only throws or reads errors (the CLI's start-up) loads no zod. */
export const ErrorCodes = [
  'invalid-input',
  'unknown-channel',
  'forbidden-sender',
  'not-found',
  'already-exists',
  'not-a-case',
  'foreign-database',
  'newer-schema',
  'unknown-schema',
  'read-only',
  'corrupt',
  'no-case-open',
  'conflict',
  'internal',
] as const;
export type ErrorCode = (typeof ErrorCodes)[number];
