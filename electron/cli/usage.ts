// A mistake in how the command was called (exit code 2), as opposed to a failure of the work.
export class UsageError extends Error {}
