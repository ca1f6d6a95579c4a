import type { PublishingContext } from '../delivery/publishing-context';
import type { SnsTopology } from './sns-topology';

/** What every SNS action needs. */
export type SnsContext = PublishingContext<SnsTopology>;
