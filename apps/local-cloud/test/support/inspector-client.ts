import { EventEmitter } from 'node:events';
import WebSocket from 'ws';

type Message = {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
};

/**
 * A Chrome DevTools Protocol client of a Node.js inspector, speaking to the main thread and, through the NodeWorker
 * domain, to its worker threads (where the local cloud runs functions), as VS Code's and Chrome's debuggers do.
 * Events of a worker are emitted as `<sessionId>:<method>`.
 */
export class InspectorClient extends EventEmitter {
  private nextId = 1;
  private readonly pending = new Map<
    string,
    { ok: (result: Record<string, unknown>) => void; fail: (error: Error) => void }
  >();

  private constructor(private readonly socket: WebSocket) {
    super();
    socket.on('message', (data) => this.receive(JSON.parse(String(data)) as Message, ''));
  }

  static async connect(url: string): Promise<InspectorClient> {
    const socket = new WebSocket(url);
    await new Promise((ok, fail) => socket.once('open', ok).once('error', fail));
    return new InspectorClient(socket);
  }

  /** A command to the main thread's session. */
  send(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return this.awaitReply('', id);
  }

  /** A command to one worker's session (NodeWorker.sendMessageToWorker carries it). */
  async sendToWorker(
    sessionId: string,
    method: string,
    params: Record<string, unknown> = {},
  ): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const reply = this.awaitReply(sessionId, id);
    await this.send('NodeWorker.sendMessageToWorker', { sessionId, message: JSON.stringify({ id, method, params }) });
    return reply;
  }

  close(): void {
    this.socket.close();
  }

  private awaitReply(sessionId: string, id: number): Promise<Record<string, unknown>> {
    return new Promise((ok, fail) => this.pending.set(`${sessionId}:${id}`, { ok, fail }));
  }

  private receive(message: Message, sessionId: string): void {
    if (message.id !== undefined) {
      const waiting = this.pending.get(`${sessionId}:${message.id}`);
      this.pending.delete(`${sessionId}:${message.id}`);
      if (message.error) waiting?.fail(new Error(`${message.error.message} (inspector command ${message.id})`));
      else waiting?.ok(message.result ?? {});
      return;
    }
    if (message.method === 'NodeWorker.receivedMessageFromWorker') {
      const { sessionId: worker, message: inner } = message.params as { sessionId: string; message: string };
      this.receive(JSON.parse(inner) as Message, worker);
      return;
    }
    this.emit(sessionId ? `${sessionId}:${message.method}` : String(message.method), message.params ?? {});
  }
}
