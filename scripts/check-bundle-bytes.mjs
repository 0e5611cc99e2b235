#!/usr/bin/env node
// Fails the build when an emitted file holds bytes Chrome refuses in an extension: invalid UTF-8 or
// Unicode non-characters (U+FDD0..U+FDEF and U+xFFFE/U+xFFFF). Chrome then rejects the WHOLE
// extension ("isn't UTF-8 encoded"), so a broken package must never reach a store or a user.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHECKED_EXTENSIONS = new Set(['.js', '.mjs', '.css', '.html', '.json']);

/**
 * @param {Uint8Array} bytes
 * @returns {{ offset: number, reason: string } | null} the first refused position, if any
 */
export function findRefusedBytes(bytes) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { offset: firstInvalidUtf8Offset(bytes), reason: 'invalid UTF-8' };
  }
  let index = 0;
  for (const char of text) {
    const code = char.codePointAt(0);
    if ((code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe) {
      return { offset: index, reason: `non-character U+${code.toString(16).toUpperCase().padStart(4, '0')}` };
    }
    index += char.length;
  }
  return null;
}

/** Byte offset of the first malformed sequence, for a useful error message. */
function firstInvalidUtf8Offset(bytes) {
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i];
    const length =
      byte < 0x80 ? 1 : byte >> 5 === 0x6 ? 2 : byte >> 4 === 0xe ? 3 : byte >> 3 === 0x1e ? 4 : 0;
    if (length === 0) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return -1;
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (CHECKED_EXTENSIONS.has(extname(name))) yield path;
  }
}

export function checkDirectories(dirs) {
  const problems = [];
  let files = 0;
  for (const dir of dirs) {
    for (const file of walk(dir)) {
      files++;
      const problem = findRefusedBytes(readFileSync(file));
      if (problem) problems.push(`${file}: ${problem.reason} at ${problem.offset}`);
    }
  }
  return { files, problems };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error('usage: check-bundle-bytes.mjs <dir>...');
    process.exit(2);
  }
  const { files, problems } = checkDirectories(dirs);
  if (problems.length > 0) {
    console.error(`Chrome would refuse this package:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`check-bundle-bytes: ${files} files are valid UTF-8 without non-characters`);
}
