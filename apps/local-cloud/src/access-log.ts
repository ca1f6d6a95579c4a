import type { Hop } from '@harbor/local-cloud-trace';

export interface AccessLogOptions {
  /** ANSI colours (a TTY without NO_COLOR); plain text otherwise. */
  readonly color: boolean;
  /** Declared memory of each function (functions.yaml memoryMb), by function id. */
  readonly memoryMb: ReadonlyMap<string, number>;
}

const paint = (on: boolean, code: number, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);
const statusColor = (status: number) => (status >= 500 ? 31 : status >= 400 ? 33 : 32);
const ms = (value: number) => `${value.toFixed(2)} ms`;

/**
 * One line per API request (`POST /orders/{orderId} 201 12.41 ms  orders-api  <correlation id>`, the route's
 * template as API Gateway's access logs name it) and per invocation, in Lambda's own REPORT form
 * (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html): Duration, Billed Duration rounded up to the
 * millisecond, Memory Size, Init Duration on a cold start. Max Memory Used is left out: functions share the local
 * cloud's process, so no per-invocation figure would be true. Other hops (SNS, EventBridge, DynamoDB) print nothing.
 */
export function accessLogLine(hop: Hop, options: AccessLogOptions): string | undefined {
  const detail = hop.detail ?? {};
  if (hop.kind === 'http') {
    const status = Number(detail['status'] ?? 0);
    const api = typeof detail['api'] === 'string' ? `  ${detail['api']}` : '';
    const route = paint(options.color, 1, hop.name);
    return `${route} ${paint(options.color, statusColor(status), String(status))} ${ms(hop.durationMs)}${api}  ${paint(options.color, 2, hop.correlationId)}`;
  }
  if (hop.kind === 'invoke') {
    const memory = options.memoryMb.get(hop.name);
    const init =
      detail['coldStart'] === true && typeof detail['initDurationMs'] === 'number'
        ? `\tInit Duration: ${ms(detail['initDurationMs'])}`
        : '';
    const failed =
      hop.status === 'error'
        ? `\t${paint(options.color, 31, `Error: ${String(detail['errorType'] ?? 'unknown')}`)}`
        : '';
    const billed = `Billed Duration: ${Math.max(1, Math.ceil(hop.durationMs))} ms${memory === undefined ? '' : `\tMemory Size: ${memory} MB`}`;
    return (
      `${paint(options.color, 36, 'REPORT')} ${hop.name} RequestId: ${String(detail['requestId'] ?? '')}\tDuration: ${ms(hop.durationMs)}\t` +
      `${billed}${init}${failed}  ${paint(options.color, 2, hop.correlationId)}`
    );
  }
  return undefined;
}

/** Whether the access log is coloured: on a terminal, unless NO_COLOR is set (https://no-color.org). */
export const useColor = (stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean =>
  stream.isTTY === true && !env['NO_COLOR'];
