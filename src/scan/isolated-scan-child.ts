/** Child process entry of `scanIsolated`: summarises the one file given on standard input, answers in V8's serialization. */
import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { summariseInIsolation } from './scan-source';
import type { Side } from './types';

const input = JSON.parse(readFileSync(0, 'utf8')) as { file: string; text: string; side: Side };
process.stdout.write(serialize(summariseInIsolation(input.file, input.text, input.side)));
