import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findSourceFiles } from '../scan/find-files';
import { readPathAliases, type PathAliases } from '../scan/path-aliases';
import { resolveModule } from '../scan/resolve-module';
import { readAppText } from './read-app-file';
import { SourceFile } from './source-file';

/** Forge's handler file extensions, in the order it looks for them (@forge/manifest HANDLER_EXTENSIONS). */
export const HANDLER_EXTENSIONS = ['tsx', 'jsx', 'ts', 'js', 'cjs'];

/**
 * The app's source files as init sees them: listed like the scanner lists them (src/**, static/**,
 * resource folders; no dependencies, build output or tests), opened once each so the edits of
 * every step accumulate on one copy, and resolved the way bundlers resolve imports.
 */
export class AppSources {
  /** Every listed source file (relative POSIX path). */
  readonly files: ReadonlySet<string>;
  private readonly opened = new Map<string, SourceFile>();
  private readonly aliases: PathAliases | undefined;

  constructor(
    readonly appDir: string,
    resourcePaths: readonly string[],
  ) {
    this.files = new Set(findSourceFiles(appDir, resourcePaths).files.map((f) => f.file));
    this.aliases = readPathAliases(appDir);
  }

  /** Returns the file, parsed (throws a refusal naming it when it does not parse). */
  get(file: string): SourceFile {
    let sf = this.opened.get(file);
    if (!sf) {
      sf = new SourceFile(file, readAppText(this.appDir, file));
      this.opened.set(file, sf);
    }
    return sf;
  }

  /** Returns the app file an import specifier names, if it is one of the listed files. */
  resolve(fromFile: string, specifier: string): string | undefined {
    return resolveModule(fromFile, specifier, this.files, this.aliases);
  }

  /** Returns the file of a Forge handler path (`dir/file` of `dir/file.export`) under src/, if it exists. */
  handlerFile(path: string): string | undefined {
    for (const ext of HANDLER_EXTENSIONS) {
      const file = `src/${path}.${ext}`;
      if (existsSync(join(this.appDir, file))) return file;
    }
    return undefined;
  }

  /** Returns the edited files: path, original text and new text. */
  changes(): { file: string; before: string; after: string }[] {
    const out: { file: string; before: string; after: string }[] = [];
    for (const [file, sf] of this.opened) {
      const after = sf.result();
      if (after !== sf.text) out.push({ file, before: sf.text, after });
    }
    return out;
  }
}
