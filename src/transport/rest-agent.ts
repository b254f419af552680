/**
 * Kept-alive connections to Discord's REST API, at most 256, for either transport. Every reply
 * holds a connection for a whole round trip, so the pool must hold replies per second × round
 * trip. Measured with `npm run bench -- --rtt N`: 8 connections at 30 ms carry at most 8 ÷ 30 ms
 * ≈ 270 replies a second, and most of a burst of 2000 missed Discord's 3 s deadline; with 128 at
 * 100 ms the slowest reply of a burst took 2.6 s, with 256 under 1.9 s. With no cap, a cold burst
 * opens a connection (a TLS handshake, against Discord) per reply, and in one run those made 343
 * replies late.
 */
export const REST_AGENT_OPTIONS = { connections: 256, pipelining: 1, keepAliveTimeout: 30_000 } as const;
