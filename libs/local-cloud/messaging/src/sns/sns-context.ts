import type { AsyncDelivery } from '../delivery';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import type { SnsTopology } from './sns-topology';

/** What every SNS action needs. */
export interface SnsContext {
  readonly topology: SnsTopology;
  readonly delivery: AsyncDelivery;
  readonly trace: TraceRecorder;
  readonly region: string;
  readonly accountId: string;
  readonly now: () => Date;
}
