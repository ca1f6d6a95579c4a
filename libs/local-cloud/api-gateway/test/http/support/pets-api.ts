import { createLocalIssuer, type LocalIssuer } from '@harbor/local-cloud-auth';
import { TraceRecorder } from '@harbor/local-cloud-trace';
import { createHttpApi } from '../../../src/http/create-http-api';
import type { CreateHttpApiOptions, HttpApi } from '../../../src/http/http-api.types';
import { delay, FakeInvoker, FunctionError } from '@harbor/local-cloud-lambda/testing';
import { fixturePath, fixtureResolver, ISSUER_URL, loadFixture } from './fixtures';

export interface PetsApi {
  readonly api: HttpApi;
  readonly invoker: FakeInvoker;
  readonly issuer: LocalIssuer;
  readonly trace: TraceRecorder;
}

const echo = (name: string) => (event: Record<string, unknown>) => ({
  statusCode: 200,
  body: JSON.stringify({ route: name, routeKey: event['routeKey'] }),
});

/** Fake functions for every route of the fixture; each answers which route it served. */
export const petsInvoker = (): FakeInvoker =>
  new FakeInvoker()
    .on('pets.listPets', () => [{ id: 1, name: 'Rex' }])
    .on('pets.createPet', echo('createPet'))
    .on('pets.getPet', echo('getPet'))
    .on('pets.dogs', echo('dogs'))
    .on('pets.petsProxy', echo('petsProxy'))
    .on('pets.anyProxy', (event) => {
      if ((event['rawPath'] as string).endsWith('/boom')) throw new FunctionError('TypeError', 'x is undefined');
      if ((event['rawPath'] as string).endsWith('/malformed')) return { statusCode: 'two hundred' };
      if ((event['rawPath'] as string).endsWith('/own-cors'))
        return { statusCode: 200, headers: { 'Access-Control-Allow-Origin': '*', 'x-pet': 'rex' }, body: '{}' };
      return echo('anyProxy')(event);
    })
    .on('pets.me', echo('me'))
    .on('pets.slow', () => delay(1_000).then(() => 'late'))
    .on('pets.fallback', echo('fallback'));

export const createPetsApi = async (overrides: Partial<CreateHttpApiOptions> = {}): Promise<PetsApi> => {
  const issuer = await createLocalIssuer({ issuerUrl: ISSUER_URL });
  const invoker = petsInvoker();
  const trace = new TraceRecorder();
  const api = createHttpApi({
    name: 'harbor-test-pets-http',
    openapi: loadFixture('pets-http-api.yaml'),
    sourceFile: fixturePath('pets-http-api.yaml'),
    resolve: fixtureResolver,
    invoker,
    jwks: (iss) => (iss === issuer.issuerUrl ? issuer.jwks : undefined),
    trace,
    ...overrides,
  });
  return { api, invoker, issuer, trace };
};
