import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/**
 * How far a request's timestamp may be from this machine's clock. Discord signs a request as it
 * sends it and wants the answer within 3 s, so an old one is a replay of a captured request; the
 * margin is for clocks that disagree, not for slow requests.
 */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** What the headers and body of a POST say about where it comes from. */
export type Provenance = 'discord' | 'forged' | 'stale';

const SIGNATURE = /^[0-9a-f]{128}$/i;
const TIMESTAMP = /^\d{1,12}$/;

/**
 * Discord's signature on each request to the interactions endpoint: Ed25519 over
 * X-Signature-Timestamp followed by the raw body, in X-Signature-Ed25519 (hex), checked against
 * the application's public key (the Developer Portal's, in hex).
 */
export class InteractionSignature {
  readonly #key: KeyObject;

  constructor(publicKeyHex: string) {
    if (!/^[0-9a-f]{64}$/i.test(publicKeyHex))
      throw new Error('the public key must be 64 hex digits (General Information → Public Key)');
    const x = Buffer.from(publicKeyHex, 'hex').toString('base64url');
    this.#key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
  }

  /** Whether both headers are there and shaped as Discord sends them: checked before the body is read. */
  static present(signature: string, timestamp: string): boolean {
    return SIGNATURE.test(signature) && TIMESTAMP.test(timestamp);
  }

  /** `nowMs`: this machine's clock (ms since the epoch). */
  check(signature: string, timestamp: string, body: Buffer, nowMs: number): Provenance {
    const signed = Buffer.concat([Buffer.from(timestamp, 'latin1'), body]);
    if (!verify(null, signed, this.#key, Buffer.from(signature, 'hex'))) return 'forged';
    const skew = Math.abs(nowMs / 1000 - Number(timestamp));
    return skew > MAX_CLOCK_SKEW_SECONDS ? 'stale' : 'discord';
  }
}
