import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** A file the page downloaded. */
export interface Downloaded {
  filename: string;
  content: string;
}

/** Clicks `testId` and returns the file the page downloads in answer. */
export async function downloadBy(page: Page, testId: string): Promise<Downloaded> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.getByTestId(testId).click()]);
  const path = await download.path();
  return { filename: download.suggestedFilename(), content: readFileSync(path, 'utf8') };
}

/**
 * Returns the CSV's records: with csv-parse when it is installed, else with a minimal RFC 4180
 * reader (quoted fields, doubled quotes, CRLF) that is enough to count rows and columns.
 */
export function parseCsv(text: string): string[][] {
  try {
    const { parse } = require('csv-parse/sync') as { parse: (input: string) => string[][] };
    return parse(text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
  }
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field), records.push(record), (record = []), (field = '');
    } else field += c;
  }
  if (quoted) throw new Error('CSV: unterminated quoted field');
  if (field !== '' || record.length) record.push(field), records.push(record);
  return records;
}
