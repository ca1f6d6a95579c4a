import type { Hop } from '@harbor/local-cloud-trace';
import type { PriceTable } from './price-table';
import { gbSeconds, increments, type ObservedUsage } from './usage';

export interface UsageMeterOptions {
  readonly prices: PriceTable;
  /** Whether an API name is an HTTP API's (`http` hops of other APIs are REST API requests). */
  readonly isHttpApi: (apiName: string) => boolean;
  /** A function's configured memory in MB (Lambda bills GB-seconds of configured memory, not of memory used). */
  readonly memoryMbOf: (functionId: string) => number | undefined;
  readonly clock?: () => number;
}

type Counters = { -readonly [K in keyof Omit<ObservedUsage, 'sinceStart'>]: number };

const MINUTE_MS = 60_000;
// @connections calls that send nothing: only POST (postToConnection) is a message.
const NOT_MESSAGES = new Set(['$connect', '$disconnect', 'GET @connections', 'DELETE @connections']);

const numberIn = (detail: Hop['detail'], key: string): number | undefined => {
  const value = detail?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

/**
 * Counts billable usage from the trace as hops are recorded, so the totals cover the whole session (the trace
 * itself keeps only recent hops) at a constant cost per hop. Payload sizes count in AWS's increments where a hop
 * carries them (`requestBytes`, `messageBytes`, `payloadBytes`); a hop without a size counts as one increment.
 */
export class UsageMeter {
  private readonly counters: Counters = {
    restRequests: 0,
    httpApiRequests: 0,
    websocketMessages: 0,
    websocketConnectionMinutes: 0,
    lambdaRequests: 0,
    lambdaGbSeconds: 0,
    snsPublishes: 0,
    eventBridgeEvents: 0,
    dynamodbReadUnits: 0,
    dynamodbWriteUnits: 0,
  };
  private readonly openConnections = new Map<string, number>();
  private readonly clock: () => number;
  private readonly startedAt: number;

  constructor(private readonly options: UsageMeterOptions) {
    this.clock = options.clock ?? Date.now;
    this.startedAt = this.clock();
  }

  observe(hop: Hop): void {
    const items = this.options.prices.items;
    const detail = hop.detail;
    switch (hop.kind) {
      case 'http':
        if (this.options.isHttpApi(String(detail?.['api'])))
          this.counters.httpApiRequests += increments(
            numberIn(detail, 'requestBytes'),
            items.apiGateway.httpApiRequestIncrementBytes,
          );
        else this.counters.restRequests += 1;
        return;
      case 'websocket':
        return this.observeWebSocket(hop);
      case 'invoke':
        this.counters.lambdaRequests += 1;
        this.counters.lambdaGbSeconds += gbSeconds(hop.durationMs, this.options.memoryMbOf(hop.name) ?? 128);
        return;
      case 'publish':
        this.counters.snsPublishes += increments(numberIn(detail, 'messageBytes'), items.sns.publishChunkBytes);
        return;
      case 'put-events':
        this.counters.eventBridgeEvents += increments(
          numberIn(detail, 'payloadBytes'),
          items.eventBridge.eventChunkBytes,
        );
        return;
      case 'dynamodb':
        this.counters.dynamodbReadUnits += numberIn(detail, 'readUnits') ?? 0;
        this.counters.dynamodbWriteUnits += numberIn(detail, 'writeUnits') ?? 0;
        return;
      default:
        return;
    }
  }

  /** Totals so far; connections still open count their minutes up to now. */
  usage(): ObservedUsage {
    const now = this.clock();
    let openMinutes = 0;
    for (const connectedAt of this.openConnections.values()) openMinutes += connectionMinutes(connectedAt, now);
    return {
      sinceStart: new Date(this.startedAt).toISOString(),
      ...this.counters,
      websocketConnectionMinutes: this.counters.websocketConnectionMinutes + openMinutes,
    };
  }

  private observeWebSocket(hop: Hop): void {
    const connectionId = String(hop.detail?.['connectionId'] ?? '');
    const at = Date.parse(hop.startedAt);
    if (hop.name === '$connect' && hop.status === 'ok') this.openConnections.set(connectionId, at);
    if (hop.name === '$disconnect') {
      const connectedAt = this.openConnections.get(connectionId);
      this.openConnections.delete(connectionId);
      if (connectedAt !== undefined) this.counters.websocketConnectionMinutes += connectionMinutes(connectedAt, at);
    }
    if (!NOT_MESSAGES.has(hop.name))
      this.counters.websocketMessages += increments(
        numberIn(hop.detail, 'messageBytes'),
        this.options.prices.items.apiGateway.websocketMessageIncrementBytes,
      );
  }
}

/** Connection time is metered in whole minutes, each started minute counting. */
function connectionMinutes(from: number, to: number): number {
  return Math.max(1, Math.ceil((to - from) / MINUTE_MS));
}
