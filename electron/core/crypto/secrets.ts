import sodium from 'sodium-native';

/**
 * Key material lives in libsodium's guarded memory (sodium_malloc: locked,
 * guard pages, never swapped where the OS allows) and is zeroed with
 * sodium_memzero as soon as it is no longer needed. Never log these buffers.
 */
export type SecretBytes = Buffer;

export function allocSecret(size: number): SecretBytes {
  return sodium.sodium_malloc(size);
}

export function secretFrom(bytes: Uint8Array): SecretBytes {
  const secret = allocSecret(bytes.length);
  secret.set(bytes);
  return secret;
}

export function wipe(...buffers: (Uint8Array | null | undefined)[]): void {
  for (const buffer of buffers) if (buffer && buffer.byteLength > 0) sodium.sodium_memzero(buffer);
}

export function randomSecret(size: number): SecretBytes {
  const secret = allocSecret(size);
  sodium.randombytes_buf(secret);
  return secret;
}

export function randomBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  sodium.randombytes_buf(bytes);
  return bytes;
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && sodium.sodium_memcmp(a, b);
}
