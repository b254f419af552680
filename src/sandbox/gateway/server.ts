import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { asArray, asNumber, asObject, asString, asText } from '../json.js';
import { shardOf } from '../snowflake.js';
import type { SandboxStats } from '../stats.js';
import { guildCreateJson, memberJson, userJson } from '../state/payloads.js';
import type { World, WorldEventSink } from '../state/world.js';
import type { TrafficRecorder } from '../traffic.js';
import { GatewaySession, type GatewayConnection } from './session.js';

/** Gateway opcodes. */
const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

export interface GatewayOptions {
  readonly world: World;
  readonly botToken: string;
  readonly applicationId: string;
  readonly heartbeatIntervalMs: number;
  readonly stats: SandboxStats;
  readonly nextId: () => string;
  /** Events kept per session for RESUME; older ones force a fresh IDENTIFY. */
  readonly maxBufferedEvents?: number;
  readonly traffic?: TrafficRecorder | null;
}

export interface DispatchOptions {
  /** Sessions whose intents lack this bit don't receive the event (as on Discord). */
  readonly requiredIntent?: number;
  /** Per-session reshaping, e.g. blanking message content without the MessageContent intent. */
  readonly shape?: (intents: number) => unknown;
  /** Called each time the event is written to a live socket (first send or replay). */
  readonly onDelivered?: () => void;
}

/**
 * The WebSocket gateway: HELLO → IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME with
 * replay, and several shards at once. Faults (close, drop, op 7, op 9) are methods here.
 */
export class GatewayServer implements WorldEventSink {
  url = '';
  readonly #wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  readonly #sessions = new Map<string, GatewaySession>();
  readonly #connections = new Set<GatewayConnection>();
  #readyWaiters: { count: number; resolve: () => void }[] = [];

  constructor(private readonly options: GatewayOptions) {}

  handleUpgrade(request: IncomingMessage, socket: Socket, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    if (url.pathname !== '/gateway') {
      socket.destroy();
      return;
    }
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#accept(ws, socket, url.searchParams));
  }

  /** World changes (channels, members, guilds): routed by guild to its shard. */
  dispatch(guildId: string | null, event: string, data: unknown, requiredIntent?: number): void {
    this.send(guildId, event, data, requiredIntent === undefined ? {} : { requiredIntent });
  }

  /** Sends an event to every session whose shard owns `guildId`; returns how many took it. */
  send(guildId: string | null, event: string, data: unknown, options: DispatchOptions = {}): number {
    let shared: string | undefined;
    let reached = 0;
    for (const session of this.#sessions.values()) {
      if (!session.ready || shardOf(guildId, session.shardCount) !== session.shardId) continue;
      if (options.requiredIntent !== undefined && (session.intents & options.requiredIntent) === 0) continue;
      const json = options.shape ? JSON.stringify(options.shape(session.intents)) : (shared ??= JSON.stringify(data));
      session.push(event, json, options.onDelivered);
      reached++;
    }
    return reached;
  }

  /** Resolves once `count` shard sessions are live and have been sent their GUILD_CREATEs. */
  whenReady(count: number): Promise<void> {
    if (this.#liveReady() >= count) return Promise.resolve();
    return new Promise((resolve) => this.#readyWaiters.push({ count, resolve }));
  }

  /** The server closes the socket with `code`; for 4000 discord.js resumes. */
  closeGateway(code: number, shard?: number): void {
    for (const connection of this.#targets(shard)) {
      connection.closedByServer = true;
      connection.ws.close(code, 'sandbox fault');
    }
  }

  /** Destroys the TCP socket without a close frame, as a network failure would. */
  dropConnection(shard?: number): void {
    for (const connection of this.#targets(shard)) {
      connection.closedByServer = true;
      // Detach now: events from here on wait for RESUME instead of going into a dead socket.
      if (connection.session?.connection === connection) connection.session.connection = null;
      connection.socket.destroy();
    }
  }

  sendReconnect(shard?: number): void {
    for (const connection of this.#targets(shard)) this.#write(connection, { op: Op.Reconnect, d: null });
  }

  /** Op 9; when not resumable the session is forgotten, so the bot must IDENTIFY again. */
  invalidateSession(resumable: boolean, shard?: number): void {
    for (const connection of this.#targets(shard)) {
      const session = connection.session;
      if (!resumable && session) {
        this.#sessions.delete(session.id);
        session.connection = null;
        connection.session = null;
      }
      this.#write(connection, { op: Op.InvalidSession, d: resumable });
    }
  }

  get liveShards(): number[] {
    return [...this.#sessions.values()]
      .filter((session) => session.live && session.ready)
      .map((session) => session.shardId);
  }

  close(): void {
    for (const connection of this.#connections) connection.ws.terminate();
    this.#connections.clear();
    this.#sessions.clear();
    this.#wss.close();
  }

  #accept(ws: WebSocket, socket: Socket, query: URLSearchParams): void {
    const connection: GatewayConnection = { ws, socket, session: null, closedByServer: false };
    this.#connections.add(connection);
    this.options.stats.connections++;
    ws.on('error', () => undefined);
    ws.on('close', (code) => this.#onClose(connection, code));
    ws.on('message', (data, isBinary) => this.#onMessage(connection, data, isBinary));
    // Only JSON without transport compression: zlib-sync is not installed in this project.
    if ((query.get('encoding') ?? 'json') !== 'json' || query.has('compress')) {
      ws.close(4002, 'Only JSON encoding without compression is supported');
      return;
    }
    if ((query.get('v') ?? '10') !== '10') {
      ws.close(4012, 'Invalid API version');
      return;
    }
    this.#write(connection, { op: Op.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
  }

  #onMessage(connection: GatewayConnection, data: RawData, isBinary: boolean): void {
    if (isBinary) return void connection.ws.close(4002, 'Decode error');
    let payload: unknown;
    try {
      payload = JSON.parse(
        Buffer.isBuffer(data)
          ? data.toString('utf8')
          : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'),
      );
    } catch {
      return void connection.ws.close(4002, 'Decode error');
    }
    this.options.traffic?.gateway('from-bot', connection.session?.shardId ?? null, payload);
    const op = asNumber(asObject(payload)['op']);
    const d = asObject(payload)['d'];
    if (op === Op.Heartbeat) {
      const seq = asNumber(d);
      if (seq !== undefined) connection.session?.acknowledge(seq);
      this.#write(connection, { op: Op.HeartbeatAck });
    } else if (op === Op.Identify) {
      this.#identify(connection, asObject(d));
    } else if (op === Op.Resume) {
      this.#resume(connection, asObject(d));
    } else if (!connection.session) {
      connection.ws.close(4003, 'Not authenticated');
    } else if (op === Op.RequestGuildMembers) {
      this.#requestMembers(connection.session, asObject(d));
    } else if (op !== 3 && op !== 4) {
      connection.ws.close(4001, 'Unknown opcode');
    }
  }

  #identify(connection: GatewayConnection, d: Record<string, unknown>): void {
    if (connection.session) return void connection.ws.close(4005, 'Already authenticated');
    if (stripBot(asString(d['token'])) !== this.options.botToken)
      return void connection.ws.close(4004, 'Authentication failed');
    const shard = asArray(d['shard']);
    const [shardId, shardCount] = shard.length === 2 ? [asNumber(shard[0]) ?? -1, asNumber(shard[1]) ?? 0] : [0, 1];
    if (shardId < 0 || shardId >= shardCount) return void connection.ws.close(4010, 'Invalid shard');
    // A fresh IDENTIFY of a shard supersedes its old, disconnected sessions: nobody will resume them.
    for (const [id, old] of this.#sessions) {
      if (!old.live && old.shardId === shardId && old.shardCount === shardCount) this.#sessions.delete(id);
    }
    const sessionId = createHash('md5').update(this.options.nextId()).digest('hex');
    const traffic = this.options.traffic;
    const session = new GatewaySession(
      sessionId,
      shardId,
      shardCount,
      asNumber(d['intents']) ?? 0,
      this.options.maxBufferedEvents ?? 20_000,
      traffic ? (frame) => traffic.gateway('to-bot', shardId, frame) : null,
    );
    session.connection = connection;
    connection.session = session;
    this.#sessions.set(sessionId, session);
    this.options.stats.identifies++;
    const { world } = this.options;
    const guilds = world.guilds.filter((guild) => shardOf(guild.id, shardCount) === shardId);
    const ready: Record<string, unknown> = {
      v: 10,
      user: { ...userJson(world.bot), verified: true, mfa_enabled: false, email: null },
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: sessionId,
      session_type: 'normal',
      resume_gateway_url: this.url,
      application: { id: this.options.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      _trace: ['["sandbox-gateway",{"micros":0}]'],
    };
    if (shard.length === 2) ready['shard'] = [shardId, shardCount];
    session.push('READY', JSON.stringify(ready));
    for (const guild of guilds) session.push('GUILD_CREATE', JSON.stringify(guildCreateJson(world, guild)));
    session.ready = true;
    this.#checkReady();
  }

  #resume(connection: GatewayConnection, d: Record<string, unknown>): void {
    if (stripBot(asString(d['token'])) !== this.options.botToken)
      return void connection.ws.close(4004, 'Authentication failed');
    const session = this.#sessions.get(asString(d['session_id']) ?? '');
    const invalid = (): void => this.#write(connection, { op: Op.InvalidSession, d: false });
    if (!session) return invalid();
    if (connection.session && connection.session !== session)
      return void connection.ws.close(4005, 'Already authenticated');
    const previous = session.connection;
    if (previous && previous !== connection) {
      previous.session = null;
      previous.closedByServer = true;
      previous.ws.terminate();
    }
    session.connection = connection;
    connection.session = session;
    if (!session.replayAfter(asNumber(d['seq']) ?? 0)) {
      this.#sessions.delete(session.id);
      session.connection = null;
      connection.session = null;
      return invalid();
    }
    this.options.stats.resumes++;
    session.push('RESUMED', '{}');
    this.#checkReady();
  }

  #requestMembers(session: GatewaySession, d: Record<string, unknown>): void {
    const { world } = this.options;
    const guildIds = Array.isArray(d['guild_id']) ? d['guild_id'].map(String) : [asText(d['guild_id'] ?? '')];
    const wanted = asArray(d['user_ids']).map(String);
    const query = (asString(d['query']) ?? '').toLowerCase();
    for (const guildId of guildIds) {
      const guild = world.guild(guildId);
      if (!guild) continue;
      const members = [...guild.members.values()].filter((member) => {
        if (wanted.length > 0) return wanted.includes(member.userId);
        return (world.user(member.userId)?.username ?? '').toLowerCase().startsWith(query);
      });
      const notFound = wanted.filter((id) => !guild.members.has(id));
      const chunk = {
        guild_id: guildId,
        members: members.map((member) => memberJson(world, member)),
        chunk_index: 0,
        chunk_count: 1,
        not_found: notFound,
        nonce: d['nonce'],
      };
      session.push('GUILD_MEMBERS_CHUNK', JSON.stringify(chunk));
    }
  }

  #onClose(connection: GatewayConnection, code: number): void {
    this.#connections.delete(connection);
    const session = connection.session;
    if (!session) return;
    if (session.connection === connection) session.connection = null;
    // Like Discord: a client closing with 1000/1001 ends its session; other closes can RESUME.
    if (!connection.closedByServer && (code === 1000 || code === 1001)) this.#sessions.delete(session.id);
  }

  #targets(shard: number | undefined): GatewayConnection[] {
    return [...this.#connections].filter(
      (connection) => connection.session && (shard === undefined || connection.session.shardId === shard),
    );
  }

  /** A control frame (not a dispatch: those go through the session, with sequence numbers). */
  #write(connection: GatewayConnection, frame: Record<string, unknown>): void {
    connection.ws.send(JSON.stringify(frame));
    this.options.traffic?.gateway('to-bot', connection.session?.shardId ?? null, frame);
  }

  #liveReady(): number {
    let count = 0;
    for (const session of this.#sessions.values()) if (session.ready && session.live) count++;
    return count;
  }

  #checkReady(): void {
    const live = this.#liveReady();
    const waiting = this.#readyWaiters;
    this.#readyWaiters = waiting.filter((waiter) => waiter.count > live);
    for (const waiter of waiting) if (waiter.count <= live) waiter.resolve();
  }
}

function stripBot(token: string | undefined): string | undefined {
  return token?.replace(/^Bot\s+/i, '');
}
