// The header of an AAC frame in ADTS (Audio Data Transport Stream), the
// framing of raw .aac files. Kept apart from the MP3 walker so that type
// detection can use it without loading the tag readers.

export interface AdtsHeader {
  /** The fixed header: MPEG version, CRC present, profile, rate, private bit, channels, original, home. */
  signature: number;
  length: number;
}

/** Sampling frequencies of the ADTS header's index (13 to 15 are reserved). */
export const ADTS_RATES = [
  96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350,
];
export const ADTS_PROFILES = ['AAC Main', 'AAC LC', 'AAC SSR', 'AAC LTP'];

/** The ADTS frame whose header is at `o` (sync word, layer 0), or undefined. */
export function adtsHeader(buf: Uint8Array, o: number): AdtsHeader | undefined {
  if (o + 7 > buf.length || buf[o] !== 0xff || (buf[o + 1]! & 0xf6) !== 0xf0) return undefined;
  if (((buf[o + 2]! >> 2) & 15) >= ADTS_RATES.length) return undefined;
  const protectionAbsent = buf[o + 1]! & 1;
  const length = ((buf[o + 3]! & 3) << 11) | (buf[o + 4]! << 3) | (buf[o + 5]! >> 5);
  if (length < (protectionAbsent ? 7 : 9)) return undefined;
  // The fixed header: MPEG version, CRC present, profile, rate, private bit, channels, original, home.
  const signature = (buf[o + 1]! << 16) | (buf[o + 2]! << 8) | (buf[o + 3]! & 0xf0);
  return { signature, length };
}
