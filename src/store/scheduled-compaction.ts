import { compactUsage, type CompactOptions } from './compact';

/**
 * Returns `{ statusCode: 200 }` after compacting: a ready `scheduledTrigger` handler (Forge
 * records a 424 for trigger answers in any other shape). Storage trouble never fails it; the
 * next run continues.
 */
export async function scheduledCompaction(options: CompactOptions = {}): Promise<{ statusCode: number }> {
  await compactUsage(options);
  return { statusCode: 200 };
}
