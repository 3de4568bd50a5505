/** Base error of Scope Inspector: a stable `code` for programs, a message for people. */
export class ScopeInspectorError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ScopeInspectorError';
  }
}
