import { VigilError } from '../errors';
import type { SignatureCheck } from './signatures';

/** Why a decrypted message's origin was refused. */
export type SignerRefusal = 'unsigned' | 'unknown-signer' | 'untrusted-signer' | 'bad-signature';

/**
 * The message decrypted and passed its integrity check, but its signature
 * does not meet the caller's policy. `reason` lets the caller ask the user
 * (an unknown or untrusted signer, an unsigned message can be accepted
 * explicitly); a bad signature never can.
 */
export class SignatureRefusedError extends VigilError {
  constructor(
    readonly reason: SignerRefusal,
    readonly check: SignatureCheck,
    message: string,
  ) {
    super('VERIFICATION_FAILED', message);
  }
}
