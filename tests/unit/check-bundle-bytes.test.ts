import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module script without type declarations
import { checkDirectories, findRefusedBytes } from '../../scripts/check-bundle-bytes.mjs';

const encode = (text: string) => new TextEncoder().encode(text);

describe('bundle byte check', () => {
  it('accepts ordinary non-ASCII text', () => {
    expect(findRefusedBytes(encode('const s = "小红书 café 😂";'))).toBeNull();
  });

  it('refuses U+FFFF and other non-characters', () => {
    expect(findRefusedBytes(encode('a\uffffb'))).toEqual({ offset: 1, reason: 'non-character U+FFFF' });
    expect(findRefusedBytes(encode('x\ufdd0'))?.reason).toBe('non-character U+FDD0');
    expect(findRefusedBytes(encode('\u{1FFFE}'))?.reason).toBe('non-character U+1FFFE');
  });

  it('refuses invalid UTF-8 and says where', () => {
    const bytes = new Uint8Array([0x61, 0x62, 0xc3, 0x28]);
    expect(findRefusedBytes(bytes)).toEqual({ offset: 2, reason: 'invalid UTF-8' });
  });

  it('walks a build directory and reports each bad file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rb-bytes-'));
    writeFileSync(join(dir, 'good.js'), 'ok("你好")');
    writeFileSync(join(dir, 'bad.js'), 'bad("\uffff")');
    writeFileSync(join(dir, 'image.png'), new Uint8Array([0xff, 0xfe]));
    const { files, problems } = checkDirectories([dir]);
    expect(files).toBe(2);
    expect(problems).toEqual([`${join(dir, 'bad.js')}: non-character U+FFFF at 5`]);
  });
});
