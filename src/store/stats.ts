/**
 * Process-wide storage diagnostics: how many shard writes succeeded or gave up, and how many
 * recorded calls they lost, summed over every invocation (every installation) this container
 * served. For logs and tests only: nothing here is ever written to any installation's storage,
 * which is why it may mix installations.
 */
class StorageStats {
  /** Shard writes that succeeded. */
  writes = 0;
  /** Shard writes that gave up (storage errors, or answers that did not confirm the write). */
  failures = 0;
  /** Calls those failed writes carried. */
  droppedCalls = 0;

  /** Forgets everything (tests). */
  reset(): void {
    this.writes = 0;
    this.failures = 0;
    this.droppedCalls = 0;
  }
}

/** The process-wide storage statistics. */
export const storageStats = new StorageStats();
