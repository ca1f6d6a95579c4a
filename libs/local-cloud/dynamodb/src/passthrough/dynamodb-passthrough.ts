import type { TraceRecorder } from '@harbor/local-cloud-trace';
import { Agent, request as httpRequest } from 'node:http';
import { askForConsumedCapacity, takeConsumedCapacity } from './consumed-capacity';
import { dynamoDbThrottleResponse, type DynamoDbThrottleError } from './fault-dynamodb-throttle';

/** A DynamoDB call as the AWS endpoint read it: header names lower-cased, the body whole. */
export interface DynamoDbHttpRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export interface DynamoDbHttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The local cloud's table faults, as far as the passthrough asks them (its fault injector answers this). */
export interface TableFaults {
  tableFault(tables: readonly string[]): DynamoDbThrottleError | undefined;
}

export interface DynamoDbPassthroughOptions {
  /** DynamoDB Local, `http://host:port`. */
  readonly upstream: string;
  readonly trace: TraceRecorder;
  /** The correlation id of the invocation that sent this X-Amzn-Trace-Id (the Lambda runtime knows). */
  readonly callerCorrelationId: (traceHeader: string | undefined) => string | undefined;
  /** Table faults: a matching call is answered DynamoDB's throttling error instead of being passed on. */
  readonly faults?: TableFaults;
}

const TARGET_PREFIX = 'DynamoDB_20120810.';
// Hop-by-hop headers are the proxy's own business; everything else (the signature too) goes through untouched.
const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** The tables one DynamoDB JSON request touches: TableName, RequestItems keys, or each TransactItems entry's table. */
export function tablesOf(body: Buffer): string[] {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch {
    return [];
  }
  const tables = new Set<string>();
  if (typeof parsed['TableName'] === 'string') tables.add(parsed['TableName']);
  if (parsed['RequestItems'] && typeof parsed['RequestItems'] === 'object')
    Object.keys(parsed['RequestItems']).forEach((table) => tables.add(table));
  for (const item of Array.isArray(parsed['TransactItems'])
    ? (parsed['TransactItems'] as Record<string, { TableName?: unknown }>[])
    : []) {
    for (const action of Object.values(item)) if (typeof action?.TableName === 'string') tables.add(action.TableName);
  }
  return [...tables];
}

/**
 * DynamoDB on the AWS endpoint: each call a function makes is passed to DynamoDB Local with its headers untouched
 * (its body asks for the consumed capacity, taken out of the answer again unless the caller asked) and recorded
 * as a `dynamodb` hop in the trace of the request whose invocation made it. Calls from outside any invocation are passed through without a hop, as they belong to no request.
 */
export function dynamoDbPassthrough(options: DynamoDbPassthroughOptions) {
  const agent = new Agent({ keepAlive: true });
  const upstream = new URL(options.upstream);

  const forward = (request: DynamoDbHttpRequest) =>
    new Promise<{ status: number; headers: Record<string, string>; body: string }>((resolve, reject) => {
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
      const outgoing = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: request.method,
          path: request.path,
          agent,
          headers: { ...headers, 'content-length': String(request.body.length) },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const answered: Record<string, string> = {};
            for (const [name, value] of Object.entries(incoming.headers))
              if (value !== undefined && !HOP_BY_HOP.has(name)) answered[name] = String(value);
            resolve({
              status: incoming.statusCode ?? 502,
              headers: answered,
              body: Buffer.concat(chunks).toString('utf8'),
            });
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(request.body);
    });

  // Asks DynamoDB Local what each call consumed (the console's cost view), then answers as AWS would have.
  const forwardMetered = async (request: DynamoDbHttpRequest, operation: string) => {
    const asked = askForConsumedCapacity(operation, request.body);
    return takeConsumedCapacity(operation, await forward({ ...request, body: asked.body }), asked.injected);
  };

  return {
    canHandle: (request: DynamoDbHttpRequest) => request.headers['x-amz-target']?.startsWith(TARGET_PREFIX) ?? false,
    handle: async (request: DynamoDbHttpRequest): Promise<DynamoDbHttpResponse> => {
      const startedAt = new Date();
      const started = performance.now();
      const operation = (request.headers['x-amz-target'] ?? '').slice(TARGET_PREFIX.length);
      // Read once: the fault lookup and the hop both name the call's tables.
      const tables = tablesOf(request.body);
      const throttled = options.faults?.tableFault(tables);
      const metered =
        throttled === undefined
          ? await forwardMetered(request, operation)
          : { answer: dynamoDbThrottleResponse(throttled), readUnits: 0, writeUnits: 0 };
      const response = metered.answer;
      const correlationId = options.callerCorrelationId(request.headers['x-amzn-trace-id']);
      if (correlationId !== undefined) {
        options.trace.record({
          correlationId,
          kind: 'dynamodb',
          name: `${operation} ${tables.join(', ')}`.trim(),
          startedAt,
          durationMs: performance.now() - started,
          status: response.status < 300 ? 'ok' : 'error',
          detail: {
            operation,
            tables,
            status: response.status,
            readUnits: metered.readUnits,
            writeUnits: metered.writeUnits,
            ...(response.status < 300
              ? {}
              : { errorType: response.headers['x-amzn-errortype'] ?? errorTypeOf(response.body) }),
          },
        });
      }
      return response;
    },
    close: (): void => agent.destroy(),
  };
}

/** `ConditionalCheckFailedException` from DynamoDB's `{"__type":"com.amazonaws…#ConditionalCheckFailedException"}`. */
function errorTypeOf(body: string): string | undefined {
  try {
    const type = (JSON.parse(body) as { __type?: unknown }).__type;
    return typeof type === 'string' ? type.split('#').pop() : undefined;
  } catch {
    return undefined;
  }
}
