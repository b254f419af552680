import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/**
 * The application's Ed25519 key pair, as Discord holds one per application: Discord signs each
 * interaction it POSTs to the interactions endpoint, and the endpoint checks the signature
 * against the public key the Developer Portal shows (hex: the bot's `DISCORD_PUBLIC_KEY`).
 */
export class SigningKeys {
  /** The raw 32-byte public key in hex, as the Developer Portal shows it. */
  readonly publicKeyHex: string;
  readonly #privateKey: KeyObject;

  constructor() {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    this.#privateKey = privateKey;
    this.publicKeyHex = rawPublicKey(publicKey).toString('hex');
  }

  /** Discord's headers for a body sent at `timestamp` (seconds): the signature covers timestamp + body. */
  headers(body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
    const time = String(timestamp);
    return {
      'x-signature-ed25519': sign(null, Buffer.from(time + body), this.#privateKey).toString('hex'),
      'x-signature-timestamp': time,
    };
  }
}

/** The last 32 bytes of an Ed25519 SPKI key are the raw key. */
function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32);
}

/** A signature by another key: what Discord sends to see an endpoint refuse it. */
export function forgedHeaders(body: string): Record<string, string> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const time = String(Math.floor(Date.now() / 1000));
  return {
    'x-signature-ed25519': sign(null, Buffer.from(time + body), privateKey).toString('hex'),
    'x-signature-timestamp': time,
  };
}
