import { TraceRecorder } from '@harbor/local-cloud-trace';
import { ConsoleEventStream, type StreamClient } from './event-stream';

class FakeClient implements StreamClient {
  readonly chunks: string[] = [];
  ended = false;
  writableLength = 0;
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }
  end(): void {
    this.ended = true;
  }
  get text(): string {
    return this.chunks.join('');
  }
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('ConsoleEventStream', () => {
  let stream: ConsoleEventStream;
  afterEach(() => stream.close());

  it('replays missed hops, then sends new hops and log lines as events, batched per turn', async () => {
    stream = new ConsoleEventStream();
    const trace = new TraceRecorder();
    trace.subscribe((hop) => stream.hop(hop));
    trace.record({ correlationId: 'c1', kind: 'http', name: 'POST /orders', durationMs: 3, status: 'ok' });
    const client = new FakeClient();
    stream.connect(client, trace.after(0));
    trace.record({ correlationId: 'c1', kind: 'invoke', name: 'orders.placeOrder', durationMs: 2, status: 'ok' });
    stream.log({ functionId: 'orders.placeOrder', correlationId: 'c1', line: 'hello', at: '2026-01-01T00:00:00.000Z' });
    expect(client.chunks).toHaveLength(1);
    await nextTurn();
    expect(client.chunks).toHaveLength(2);
    const events = client.text.split('\n\n').filter((event) => event.startsWith('event:'));
    expect(events.map((event) => event.split('\n')[0])).toEqual(['event: hop', 'event: hop', 'event: log']);
    expect(JSON.parse(events[1].split('\ndata: ')[1])).toMatchObject({ id: 2, name: 'orders.placeOrder' });
    expect(JSON.parse(events[2].split('\ndata: ')[1])).toEqual({
      functionId: 'orders.placeOrder',
      correlationId: 'c1',
      line: 'hello',
      at: '2026-01-01T00:00:00.000Z',
    });
  });

  it('sends a keep-alive comment on its interval', async () => {
    stream = new ConsoleEventStream({ keepAliveMs: 10 });
    const client = new FakeClient();
    stream.connect(client);
    await new Promise((resolve) => setTimeout(resolve, 35));
    expect(client.text).toContain(': keep-alive\n\n');
  });

  it('drops a client that falls behind and keeps serving the others', async () => {
    stream = new ConsoleEventStream({ maxBacklogBytes: 100 });
    const slow = new FakeClient();
    const fast = new FakeClient();
    stream.connect(slow);
    stream.connect(fast);
    slow.writableLength = 101;
    stream.log({ functionId: 'f', line: 'x', at: 'now' });
    await nextTurn();
    expect(slow.ended).toBe(true);
    expect(fast.text).toContain('event: log');
    expect(stream.clientCount).toBe(1);
  });

  it('stops writing to a client once it disconnects', async () => {
    stream = new ConsoleEventStream();
    const client = new FakeClient();
    const disconnect = stream.connect(client);
    disconnect();
    stream.log({ functionId: 'f', line: 'x', at: 'now' });
    await nextTurn();
    expect(client.text).not.toContain('event: log');
  });
});
