/**
 * The network between the bot and PostgreSQL, as a TCP relay the test can cut and restore: cut,
 * every open connection drops and new ones are refused, as when the server is down; restored,
 * connections go through again, as once it is back. It works in front of any server.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export class DatabaseLink {
  readonly #target: URL;
  readonly #sockets = new Set<Socket>();
  /** The server-side ends of the relayed connections, by their local port. */
  readonly #upstream = new Set<Socket>();
  #server: Server | undefined;
  #port = 0;

  private constructor(target: URL) {
    this.#target = target;
  }

  /** A relay to the server `databaseUrl` names. */
  static async open(databaseUrl: string): Promise<DatabaseLink> {
    const link = new DatabaseLink(new URL(databaseUrl));
    await link.restore();
    return link;
  }

  /** `databaseUrl` with the relay in the server's place. */
  get url(): string {
    const url = new URL(this.#target.toString());
    url.hostname = '127.0.0.1';
    url.port = String(this.#port);
    return url.toString();
  }

  /** The local ports of the relay's connections to the server: pg_stat_activity's client_port. */
  get upstreamPorts(): number[] {
    return [...this.#upstream].flatMap((socket) => (socket.localPort === undefined ? [] : [socket.localPort]));
  }

  cut(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
    this.#upstream.clear();
    const server = this.#server;
    this.#server = undefined;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  /** Listens again, on the same port once one was chosen. */
  restore(): Promise<void> {
    const server = createServer((client) => this.#relay(client));
    this.#server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, '127.0.0.1', () => {
        const address = server.address();
        if (typeof address === 'object' && address) this.#port = address.port;
        resolve();
      });
    });
  }

  close(): Promise<void> {
    return this.cut();
  }

  #relay(client: Socket): void {
    const upstream = connect(Number(this.#target.port || 5432), this.#target.hostname);
    for (const socket of [client, upstream]) {
      this.#sockets.add(socket);
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      socket.on('close', () => {
        this.#sockets.delete(socket);
        this.#upstream.delete(upstream);
        (socket === client ? upstream : client).destroy();
      });
    }
    this.#upstream.add(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
