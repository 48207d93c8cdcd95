/** Parsing a case's JSON text with messages fit for a terminal. */
import { DomainError } from '../domain/errors.js';

/**
 * Text from the input, made safe for a terminal: control characters (a newline, an escape sequence from
 * binary garbage) are shown as \uXXXX, and anything very long is cut.
 */
export function printable(s: string, max = 300): string {
  let out = '';
  for (const ch of s.length > max ? s.slice(0, max) : s) {
    const code = ch.charCodeAt(0);
    out += code < 0x20 || (code >= 0x7f && code < 0xa0) ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
  }
  return s.length > max ? `${out}…` : out;
}

export function parseJson(text: string): unknown {
  // A byte-order mark (Windows editors write one) is not part of the JSON.
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(json);
  } catch (e) {
    if (json.trim() === '') {
      throw new DomainError('INVALID_CASE', [
        { path: '', message: 'empty input: expected a JSON case object' },
      ]);
    }
    const detail = (e as Error).message.replace(/^JSON\.parse: /, '');
    throw new DomainError('INVALID_CASE', [
      { path: '', message: `not valid JSON: ${printable(detail, 200)}` },
    ]);
  }
}
