import { crc32 as zlibCrc32 } from 'node:zlib';

/** CRC-32 as PNG uses it (ISO 3309), computed natively by zlib. */
export function crc32(data: Uint8Array): number {
  return zlibCrc32(data) >>> 0;
}
