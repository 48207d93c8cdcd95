/** Reading a case from a file or standard input, with a size limit so garbage cannot exhaust memory. */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';

export const MAX_CASE_BYTES = 1024 * 1024;

export class InputTooLargeError extends Error {}

export function openInput(path: string, stdin: Readable): Readable {
  return path === '-' ? stdin : createReadStream(path);
}

export async function readAll(stream: Readable, maxBytes: number, label: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > maxBytes) {
      stream.destroy();
      throw new InputTooLargeError(
        `${label} is larger than ${maxBytes / 1024 / 1024} MB; a case file is a few kilobytes (use --ndjson for many cases)`,
      );
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}
