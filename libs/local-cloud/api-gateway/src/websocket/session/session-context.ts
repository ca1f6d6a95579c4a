import type { Invoker } from '@harbor/local-cloud-lambda';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import type { ConnectionRegistry } from '../connection/connection-registry';
import type { CompiledDeclarations } from '../definition/compile-declarations';
import type { ApiContext } from '../events/api-context';

/** Everything the connection lifecycle needs, built once per API. */
export interface SessionContext {
  readonly apiName: string;
  readonly api: ApiContext;
  readonly declarations: CompiledDeclarations;
  readonly invoker: Invoker;
  readonly registry: ConnectionRegistry;
  readonly trace: TraceRecorder | undefined;
  /** AWS time per real time for the connection time limits. */
  readonly timeCompression: number;
}

/** Records one `websocket` hop (connect, message, disconnect, management call) under the connection's correlation id. */
export const recordHop = (
  context: SessionContext,
  correlationId: string,
  name: string,
  startedAt: number,
  ok: boolean,
  detail: Record<string, unknown>,
): void => {
  context.trace?.record({
    correlationId,
    kind: 'websocket',
    name,
    startedAt: new Date(startedAt),
    durationMs: Date.now() - startedAt,
    status: ok ? 'ok' : 'error',
    detail: { api: context.apiName, stage: context.api.stage, ...detail },
  });
};
