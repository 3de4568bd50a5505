/**
 * Process-wide storage bookkeeping: calls that could not be stored wait here until the
 * next successful flush reports them. A Forge container serves many invocations in turn,
 * so "next flush" is usually the next invocation's.
 */
class StorageStats {
  private dropped = 0;
  /** Shard writes that succeeded. */
  writes = 0;
  /** Shard writes that gave up. */
  failures = 0;

  /** Returns the calls waiting to be reported and forgets them (the caller reports or re-adds them). */
  takeDropped(): number {
    const n = this.dropped;
    this.dropped = 0;
    return n;
  }

  /** Counts calls that could not be stored. */
  addDropped(n: number): void {
    this.dropped += n;
  }

  /** Returns the calls currently waiting to be reported. */
  pendingDropped(): number {
    return this.dropped;
  }

  /** Forgets everything (tests). */
  reset(): void {
    this.dropped = 0;
    this.writes = 0;
    this.failures = 0;
  }
}

/** The process-wide storage statistics. */
export const storageStats = new StorageStats();
