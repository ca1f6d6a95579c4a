import { ScriptedInvoker, serve, type RunningServer } from '@harbor/local-cloud-lambda/testing';
import { TraceRecorder } from '@harbor/local-cloud-trace';
import { AsyncDelivery, type AsyncDeliveryOptions, type AwsServiceEndpoint } from '../src/delivery';

export const REGION = 'eu-west-1';
export const ACCOUNT = '123456789012';
/** Where the specs' endpoints say they run, and the environment their dead-letter queues are named after. */
export const NAMING = { region: REGION, accountId: ACCOUNT, env: 'test' } as const;

/** An emulated endpoint as its specs drive it: through a real SDK client, delivering to a scripted fake runtime. */
export interface ServedEndpoint<Client> {
  readonly client: Client;
  readonly invoker: ScriptedInvoker;
  readonly delivery: AsyncDelivery;
  readonly trace: TraceRecorder;
  readonly server: RunningServer;
  close(): Promise<void>;
}

export interface EndpointSetup<Client> {
  readonly invoker: ScriptedInvoker;
  /** Settings of the delivery engine besides invoker and trace (retry waits are compressed a million times). */
  readonly delivery?: Partial<Pick<AsyncDeliveryOptions, 'random'>>;
  readonly endpoint: (delivery: AsyncDelivery, trace: TraceRecorder) => AwsServiceEndpoint;
  readonly client: (endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }) => Client;
}

/** The endpoint behind a real HTTP server, a real client pointed at it, and the delivery engine behind both. */
export async function serveEndpoint<Client extends { destroy(): void }>(
  setup: EndpointSetup<Client>,
): Promise<ServedEndpoint<Client>> {
  const { invoker } = setup;
  const trace = new TraceRecorder();
  const delivery = new AsyncDelivery({ invoker, trace, timeCompression: 1_000_000, ...setup.delivery });
  const server = await serve(setup.endpoint(delivery, trace));
  const client = setup.client(server.endpoint, { accessKeyId: 'local', secretAccessKey: 'local' });
  return {
    client,
    invoker,
    delivery,
    trace,
    server,
    close: async () => {
      client.destroy();
      delivery.stop();
      await server.close();
    },
  };
}
