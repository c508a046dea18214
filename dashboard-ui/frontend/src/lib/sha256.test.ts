import { Blob as NodeBlob } from 'node:buffer';
import { createHash, webcrypto } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { CHUNK_SIZE, Sha256, sha256Hex, sha256OfFile } from './sha256';

const text = (value: string) => new TextEncoder().encode(value);

describe('SHA-256', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(sha256Hex(text(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(text('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))
      .toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(sha256Hex(new Uint8Array(1_000_000).fill(0x61))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('gives the same digest however the input is cut into pieces', () => {
    const data = new Uint8Array(1000).map((_, index) => (index * 31 + 7) & 0xff);
    const whole = sha256Hex(data);
    for (const piece of [1, 3, 55, 56, 63, 64, 65, 127, 999]) {
      const hash = new Sha256();
      for (let offset = 0; offset < data.length; offset += piece) hash.update(data.subarray(offset, offset + piece));
      expect(hash.hex()).toBe(whole);
    }
    expect(whole).toBe(createHash('sha256').update(data).digest('hex'));
  });

  it('hashes a file larger than one chunk incrementally, reporting progress', async () => {
    const size = CHUNK_SIZE + 12345;
    const data = new Uint8Array(size).map((_, index) => (index ^ (index >>> 8)) & 0xff);
    const progress = vi.fn();
    const hex = await sha256OfFile(new Blob([data]), progress, null);
    expect(hex).toBe(createHash('sha256').update(data).digest('hex'));
    expect(progress).toHaveBeenCalledTimes(2);
    expect(progress).toHaveBeenLastCalledWith({ hashed: size, total: size });
  });

  it('hashes a small file with WebCrypto', async () => {
    const data = text('litecoind binary stand-in');
    const subtle = webcrypto.subtle as unknown as SubtleCrypto;
    const digest = vi.spyOn(subtle, 'digest');
    // Node's own Blob: jsdom's hands out ArrayBuffers of another realm, which Node's WebCrypto refuses.
    expect(await sha256OfFile(new NodeBlob([data]) as unknown as Blob, undefined, subtle)).toBe(createHash('sha256').update(data).digest('hex'));
    expect(digest).toHaveBeenCalledOnce();
  });
});
