import { createTwoFilesPatch } from 'diff';

/** A file change to show: bytes before (undefined: new) and after (undefined: deleted). */
export interface ShownChange {
  file: string;
  before?: string | Buffer;
  after?: string | Buffer;
  /** One line shown instead of the diff (a build copied, generated data). */
  summary?: string;
}

const text = (v: string | Buffer | undefined) => (v === undefined ? '' : typeof v === 'string' ? v : v.toString('utf8'));

/** Returns the changes as one unified diff (git-style names), with summaries for generated data. */
export function renderChanges(changes: readonly ShownChange[]): string {
  const out: string[] = [];
  for (const c of changes) {
    const verb = c.before === undefined ? 'new' : c.after === undefined ? 'deleted' : 'changed';
    if (c.summary) {
      out.push(`${verb} ${c.file}: ${c.summary}\n`);
      continue;
    }
    const patch = createTwoFilesPatch(c.before === undefined ? '/dev/null' : `a/${c.file}`, c.after === undefined ? '/dev/null' : `b/${c.file}`, text(c.before), text(c.after), undefined, undefined, { context: 3 });
    // jsdiff starts with an `Index:`-less header; drop its separator line for a git-like look.
    out.push(patch.replace(/^=+\n/m, ''));
  }
  return out.join('\n');
}
