import { applyEdits, modify, parse } from 'jsonc-parser';

/**
 * Returns package.json text with `name@range` added to `dependencies` when the app depends on it
 * nowhere yet (edited in place, keeping the file's indentation and key order), else the text as is.
 */
export function addDependency(text: string, name: string, range: string): string {
  const pkg = (parse(text) ?? {}) as Record<string, Record<string, string> | undefined>;
  if (pkg.dependencies?.[name] || pkg.devDependencies?.[name]) return text;
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const formattingOptions = { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol };
  return applyEdits(text, modify(text, ['dependencies', name], range, { formattingOptions }));
}
