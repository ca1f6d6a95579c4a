import type { PublishingContext } from '../delivery/publishing-context';
import type { BusTopology } from './bus-topology';

/** What every EventBridge operation needs. */
export type EventBridgeContext = PublishingContext<BusTopology>;

/** A JSON 1.1 request body, already parsed. */
export type JsonBody = Readonly<Record<string, unknown>>;
