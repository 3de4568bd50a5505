/** Worker thread entry: summarises the files it is given and posts the summaries back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { SourceFile } from './find-files';
import { scanSource } from './scan-source';

const files = (workerData as { files: SourceFile[] }).files;
parentPort?.postMessage(files.map((f) => scanSource(f.file, f.text, f.side)));
