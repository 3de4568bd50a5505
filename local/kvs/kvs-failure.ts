/** A KVS error answer: the HTTP status and the `{ code, message }` body Forge's KVS service sends. */
export class KvsFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KvsFailure';
  }
}
