import type { AsyncDelivery } from '../delivery';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import type { BusTopology } from './bus-topology';

/** What every EventBridge operation needs. */
export interface EventBridgeContext {
  readonly topology: BusTopology;
  readonly delivery: AsyncDelivery;
  readonly trace: TraceRecorder;
  readonly region: string;
  readonly accountId: string;
  readonly now: () => Date;
}

/** A JSON 1.1 request body, already parsed. */
export type JsonBody = Readonly<Record<string, unknown>>;
