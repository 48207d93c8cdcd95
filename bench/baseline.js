#!/usr/bin/env node
/**
 * The benchmark's baseline: what any NDJSON filter must pay. It reads the stream exactly as
 * `facetpath evaluate --ndjson` does (readline over the file, one line at a time), JSON.parse and
 * JSON.stringify each line, and writes the lines through the same buffered, back-pressured writer.
 *
 *   node bench/baseline.js CASES.ndjson > /dev/null
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/baseline.js CASES.ndjson\n');
  process.exit(2);
}

let buffer = '';
const flush = async () => {
  if (!buffer) return;
  const chunk = buffer;
  buffer = '';
  if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
};

const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
let n = 0;
for await (const line of lines) {
  n++;
  if (line.trim() === '') continue;
  try {
    buffer += `${JSON.stringify(JSON.parse(line))}\n`;
  } catch {
    process.stderr.write(`line ${n}: not JSON\n`);
    process.exitCode = 2;
  }
  if (buffer.length >= 1 << 16) await flush();
}
await flush();
