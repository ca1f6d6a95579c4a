import { TraceRecorder } from '@harbor/local-cloud-trace';
import { createRestApi } from '../../../src/rest/create-rest-api';
import type { AwsServiceCall, AwsServiceReply } from '../../../src/rest/aws-services/aws-service-dispatcher';
import type { CreateRestApiOptions, RestApi } from '../../../src/rest/rest-api.types';
import { FakeInvoker } from '@harbor/local-cloud-lambda/testing';
import { fixturePath, fixtureResolver, loadFixture } from './fixtures';

export interface ShopApi {
  readonly api: RestApi;
  readonly invoker: FakeInvoker;
  readonly awsCalls: AwsServiceCall[];
  readonly trace: TraceRecorder;
}

const proxyOk = (body: unknown) => () => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** The shop fixture with every function answering 200 and SNS answering as the caller decides. */
export const createShopApi = (
  overrides: Partial<CreateRestApiOptions> = {},
  snsReply: (call: AwsServiceCall) => AwsServiceReply | Promise<AwsServiceReply> = () => ({
    status: 200,
    body: JSON.stringify({
      PublishResponse: { PublishResult: { MessageId: 'msg-1' }, ResponseMetadata: { RequestId: 'sns-1' } },
    }),
  }),
  backendHost = '127.0.0.1:9',
): ShopApi => {
  const invoker = new FakeInvoker()
    .on('shop.listItems', proxyOk({ items: [] }))
    .on('shop.createItem', proxyOk({ created: true }))
    .on('shop.getItem', proxyOk({ item: 'x' }))
    .on('shop.files', proxyOk({ file: true }));
  const awsCalls: AwsServiceCall[] = [];
  const trace = new TraceRecorder();
  const api = createRestApi({
    name: 'shop',
    openapi: loadFixture('shop-api.yaml'),
    sourceFile: fixturePath('shop-api.yaml'),
    resolve: fixtureResolver({ backend_host: backendHost }),
    invoker,
    awsServices: async (call) => {
      awsCalls.push(call);
      return snsReply(call);
    },
    stages: [
      { name: 'v1', variables: { flavour: 'vanilla' }, default: true },
      { name: 'v2', variables: { flavour: 'chocolate' } },
    ],
    trace,
    ...overrides,
  });
  return { api, invoker, awsCalls, trace };
};
