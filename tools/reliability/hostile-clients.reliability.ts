import * as fc from 'fast-check';
import { signedAwsPost, signedHeaders, snsPublish, type Credentials } from './support/aws-wire';
import { mintToken, request, type HttpAnswer } from './support/clients';
import { recordFigures } from './support/figures';
import {
  closeCodeOf,
  holdHalfOpen,
  rawExchange,
  upgradeRequest,
  webSocketFrame,
  type RawAnswer,
} from './support/hostile-wire';
import { START_TIMEOUT_MS, startReliabilityCloud, topicArn, type ReliabilityCloud } from './support/local-cloud';

/**
 * What an attacker can throw at `npm start` from this machine, the network or a web page the developer visits:
 * malformed, oversized, fragmented, truncated and reset WebSocket frames and upgrades; slowloris headers, truncated
 * bodies and garbage on every port (DynamoDB Local's too); rebinding Hosts and foreign Origins; unsigned and
 * mis-signed AWS calls; cross-site form posts; fuzzed /_local and /_console requests. The program never exits,
 * never answers 5xx, and lets nothing through that it must refuse.
 * WebSocket limits are API Gateway's (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html):
 * 32 KB a frame, 128 KB a message; over either the connection closes with 1009, invalid UTF-8 text with 1007.
 */
const FUZZ_RUNS = 300;
const SLOW_CONNECTIONS = 40;
const seed = process.env['HARBOR_FUZZ_SEED'] ? Number(process.env['HARBOR_FUZZ_SEED']) : Date.now();

let cloud: ReliabilityCloud;
const tally = { attempts: 0, serverErrors: 0, letThrough: 0, fuzzCases: 0 };
/** What answered 5xx or got through, to name in a failure. */
const offenders: string[] = [];

beforeAll(async () => {
  cloud = await startReliabilityCloud({ inMemory: true });
}, START_TIMEOUT_MS);
afterAll(() => cloud?.dispose());

/** Every listener `npm start` opens, by name. */
const listeners = (): Record<string, string> => ({
  'REST API': cloud.endpoints.restApi,
  'HTTP API': cloud.endpoints.httpApi,
  'WebSocket API': cloud.endpoints.websocket.replace(/^ws/, 'http'),
  'AWS endpoint': cloud.endpoints.aws,
  'DynamoDB Local': cloud.endpoints.dynamodb,
});

/** Counts one attempt and its 5xx; a refusal the attempt must meet counts as let through when it got a 2xx/3xx. */
function observe(what: string, status: number | undefined, mustRefuse = false): void {
  tally.attempts++;
  if (status !== undefined && status >= 500) {
    tally.serverErrors++;
    offenders.push(`${status} for ${what}`);
  }
  if (mustRefuse && status !== undefined && status < 400) {
    tally.letThrough++;
    offenders.push(`${status} let through ${what}`);
  }
}

const observed = (what: string, answer: HttpAnswer, mustRefuse = false): HttpAnswer => {
  observe(what, answer.status, mustRefuse);
  return answer;
};

const raw = async (
  url: string,
  chunks: readonly (string | Buffer)[],
  options?: Parameters<typeof rawExchange>[2],
): Promise<RawAnswer> => {
  const answer = await rawExchange(url, chunks, options);
  const name = Object.entries(listeners()).find(([, listener]) => listener === url)?.[0] ?? url;
  observe(`${name} ← ${JSON.stringify(String(chunks[0]).slice(0, 80))}`, answer.status);
  return answer;
};

const hostOf = (url: string) => new URL(url).host;

describe('every port survives broken HTTP', () => {
  it('garbage, oversized headers and truncated or reset bodies get a 4xx or a closed connection, never a 5xx', async () => {
    for (const [name, url] of Object.entries(listeners())) {
      const host = hostOf(url);
      const garbage = await raw(url, [Buffer.from([0, 1, 2, 0xff, 0x0d, 0x0a, 0x0d, 0x0a])]);
      const hugeHeader = await raw(url, [
        `GET / HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'a'.repeat(128 * 1024)}\r\n\r\n`,
      ]);
      await raw(
        url,
        [`POST / HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":`],
        { waitMs: 300 },
      );
      await raw(
        url,
        [`POST / HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":`],
        { resetAfterWrite: true },
      );
      await raw(url, [`POST / HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`]);
      await raw(url, [
        `GET / HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
      ]);
      expect({ name, garbage: garbage.status ?? garbage.ended, hugeHeader: (hugeHeader.status ?? 0) < 500 }).toEqual({
        name,
        garbage: expect.not.stringMatching(/^5/),
        hugeHeader: true,
      });
    }
    expect(offenders).toEqual([]);
  });

  it(`${SLOW_CONNECTIONS} half-sent requests on a port do not stop it answering others (slowloris)`, async () => {
    for (const [name, url] of Object.entries(listeners())) {
      const held = await Promise.all(Array.from({ length: SLOW_CONNECTIONS }, () => holdHalfOpen(url, hostOf(url))));
      tally.attempts += held.length;
      const answer = await raw(
        url,
        [`GET /_local/routes HTTP/1.1\r\nHost: ${hostOf(url)}\r\nConnection: close\r\n\r\n`],
        { waitMs: 10_000 },
      );
      held.forEach((socket) => socket.destroy());
      expect({ name, answered: answer.status !== undefined && answer.status < 500 }).toEqual({ name, answered: true });
    }
  });
});

describe('only loopback names and own-origin pages are answered', () => {
  it('a rebinding Host gets 403 on every port', async () => {
    for (const [name, url] of Object.entries(listeners())) {
      for (const host of ['rebound.example', `rebound.example:${new URL(url).port}`, '127.0.0.1.nip.example']) {
        // fetch may not set Host; a rebinding page's Host is exactly what is tested.
        const answer = await rawExchange(url, [`GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`]);
        observe(`${name} with Host ${host}`, answer.status, true);
        expect({ name, host, status: answer.status }).toEqual({ name, host, status: 403 });
      }
    }
    const upgrade = await rawExchange(cloud.endpoints.websocket.replace(/^ws/, 'http'), [
      upgradeRequest(Object.values(cloud.endpoints.websocketApis)[0]!, { host: 'rebound.example' }),
    ]);
    observe('a WebSocket upgrade with a rebinding Host', upgrade.status, true);
    expect(upgrade.status).toBe(403);
  });

  it('foreign pages cannot post to the AWS endpoint: forms, text/plain and cross-site fetches are refused', async () => {
    const aws = cloud.endpoints.aws;
    const form = new URLSearchParams({
      Action: 'Publish',
      TopicArn: topicArn(cloud, 'order-status'),
      Message: '{}',
    }).toString();
    const crossSite = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    const attempts: [string, RequestInit, number][] = [
      [
        'an HTML form to SNS',
        { method: 'POST', headers: { ...crossSite, 'content-type': 'application/x-www-form-urlencoded' }, body: form },
        403,
      ],
      [
        'a text/plain try-it relay',
        { method: 'POST', headers: { ...crossSite, 'content-type': 'text/plain' }, body: '{}' },
        403,
      ],
      [
        'a same-site page',
        {
          method: 'POST',
          headers: { 'sec-fetch-site': 'same-site', 'content-type': 'application/json' },
          body: '{"sub":"x"}',
        },
        403,
      ],
      [
        'a token request without JSON',
        { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"sub":"x"}' },
        415,
      ],
      [
        'a redrive as a form',
        { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'x=1' },
        415,
      ],
    ];
    const paths = ['/', '/_console/send', '/_local/token', '/_local/token', '/_local/dlq/orders-dlq/redrive'];
    for (const [index, [name, init, status]] of attempts.entries()) {
      const answer = observed(name, await request(`${aws}${paths[index]}`, init), true);
      expect({ name, status: answer.status }).toEqual({ name, status });
    }
  });
});

describe('AWS calls must be signed with the local credentials', () => {
  const sns = (headers: Record<string, string>) =>
    request(cloud.endpoints.aws, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: 'Action=ListTopics&Version=2010-03-31',
    });
  const signedBy = (credentials: Credentials, service: string, headers: Record<string, string>, body: string) =>
    signedHeaders(cloud, service, headers, body, credentials);

  it("unsigned, mis-signed and unknown-key calls get AWS's own errors, on every service", async () => {
    const listTopics = 'Action=ListTopics&Version=2010-03-31';
    const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
    const wrongSecret = await signedBy(
      { accessKeyId: 'local', secretAccessKey: 'guess' },
      'sns',
      formHeaders,
      listTopics,
    );
    const unknownKey = await signedBy(
      { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'local' },
      'sns',
      formHeaders,
      listTopics,
    );
    const dynamoHeaders = {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'DynamoDB_20120810.ListTables',
    };
    const eventsHeaders = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSEvents.ListEventBuses' };
    const cases: [string, Promise<HttpAnswer>, number, RegExp][] = [
      ['SNS unsigned', sns({}), 403, /MissingAuthenticationToken/],
      ['SNS with a wrong secret', sns(wrongSecret), 403, /SignatureDoesNotMatch/],
      ['SNS with an unknown key', sns(unknownKey), 403, /InvalidClientTokenId/],
      [
        'SNS with a half header',
        sns({ authorization: 'AWS4-HMAC-SHA256 Credential=local/20261206/eu-west-1/sns/aws4_request' }),
        400,
        /IncompleteSignature/,
      ],
      [
        'DynamoDB unsigned',
        request(cloud.endpoints.aws, { method: 'POST', headers: dynamoHeaders, body: '{}' }),
        400,
        /MissingAuthenticationToken/,
      ],
      [
        'DynamoDB with a wrong secret',
        signedBy({ accessKeyId: 'local', secretAccessKey: 'guess' }, 'dynamodb', dynamoHeaders, '{}').then((headers) =>
          request(cloud.endpoints.aws, { method: 'POST', headers, body: '{}' }),
        ),
        400,
        /InvalidSignatureException/,
      ],
      [
        'EventBridge unsigned',
        request(cloud.endpoints.aws, { method: 'POST', headers: eventsHeaders, body: '{}' }),
        400,
        /MissingAuthenticationToken/,
      ],
      [
        '@connections unsigned',
        request(`${cloud.endpoints.aws}/@connections/AAAAAAAAAAA=`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }),
        403,
        /Missing Authentication Token|Forbidden/i,
      ],
    ];
    for (const [name, pending, status, code] of cases) {
      const answer = observed(name, await pending, true);
      expect({ name, status: answer.status, answer: answer.text }).toEqual({
        name,
        status,
        answer: expect.stringMatching(code),
      });
    }
    // The same calls signed with the local credentials are answered: the refusals above are the signature's.
    const accepted = observed('a signed ListTopics', await signedAwsPost(cloud, 'sns', formHeaders, listTopics));
    const published = observed('a signed Publish', await snsPublish(cloud, 'order-status', '{}'));
    expect([accepted.status, published.status]).toEqual([200, 200]);
  });
});

describe('WebSocket frames against the rules', () => {
  let url: string;

  beforeAll(async () => {
    const [service, base] = Object.entries(cloud.endpoints.websocketApis)[0]!;
    expect(service).toBeDefined();
    url = `${base}?token=${encodeURIComponent(await mintToken(cloud, { sub: 'hostile-client' }))}`;
  });

  const closedWith = (answer: RawAnswer) => closeCodeOf(answer.bytes);
  const afterOpen = (...frames: Buffer[]) =>
    raw(url.replace(/^ws/, 'http'), [upgradeRequest(url), ...frames], {
      waitMs: 10_000,
      until: (received) => closeCodeOf(received) !== undefined,
    });

  it.each<[string, () => Buffer[], number]>([
    ['a 40 KB frame (over the 32 KB frame quota)', () => [webSocketFrame(0x1, Buffer.alloc(40 * 1024, 'a'))], 1009],
    [
      'a 150 KB message in 30 KB fragments (over 128 KB)',
      () =>
        [0, 1, 2, 3, 4].map((index) =>
          webSocketFrame(index === 0 ? 0x1 : 0x0, Buffer.alloc(30 * 1024, 'a'), { fin: index === 4 }),
        ),
      1009,
    ],
    ['one byte of invalid UTF-8', () => [webSocketFrame(0x1, Buffer.from([0xff]))], 1007],
    ['a continuation with no message to continue', () => [webSocketFrame(0x0, Buffer.from('x'))], 1002],
    ['an unmasked client frame', () => [webSocketFrame(0x1, Buffer.from('{}'), { masked: false })], 1002],
    ['a reserved opcode', () => [webSocketFrame(0x3, Buffer.from('x'))], 1002],
  ])('%s closes the connection with its close code', async (_name, frames, code) => {
    const answer = await afterOpen(...frames());
    expect({ upgraded: answer.status, closedWith: closedWith(answer) }).toEqual({ upgraded: 101, closedWith: code });
  });

  it('upgrades reset mid-handshake, mid-authorizer and mid-frame leave the program running', async () => {
    const http = url.replace(/^ws/, 'http');
    const noToken = url.replace(/\?.*$/, '');
    for (let round = 0; round < 10; round++) {
      await raw(http, [upgradeRequest(noToken)], { resetAfterWrite: true });
      await raw(http, [upgradeRequest(url)], { resetAfterWrite: true });
      await raw(http, [upgradeRequest(url).slice(0, 40)], { resetAfterWrite: true });
      await raw(http, [upgradeRequest(url), webSocketFrame(0x1, Buffer.alloc(20_000, 'a')).subarray(0, 9)], {
        resetAfterWrite: true,
      });
      await raw(http, [upgradeRequest(url, { 'sec-websocket-version': '99' })], { waitMs: 2_000 });
    }
    expect(cloud.unaskedExits()).toBe(0);
  });
});

describe('fuzzed /_local and /_console requests', () => {
  const paths = [
    '/_local/token',
    '/_local/traces',
    '/_local/dlq',
    '/_local/dlq/%s/redrive',
    '/_local/faults',
    '/_local/routes',
    '/_local/hops',
    '/_local/logs',
    '/_local/messaging',
    '/_local/match',
    '/_local/tables',
    '/_local/tables/%s/items',
    '/_local/cost',
    '/_local/metrics',
    '/_console/send',
    '/_console/%s',
    '/_local/%s',
  ];
  const segment = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom('%', '%E0%A4%A', '%00', '..%2F..', 'harbor-reliability-orders', '%F0%9F%98%80'),
  );
  const query = fc.dictionary(
    fc.constantFrom('limit', 'cursor', 'correlationId', 'functionId', 'monthlyRequests'),
    fc.oneof(fc.string({ maxLength: 12 }), fc.integer().map(String)),
    { maxKeys: 3 },
  );
  const body = fc.oneof(
    fc.json({ maxDepth: 3 }),
    fc.string({ maxLength: 200 }),
    fc.constant('{"method":"GET","url":"http://169.254.169.254/latest/meta-data/","headers":{}}'),
  );

  it(`${FUZZ_RUNS} requests answer 2xx or 4xx, never 5xx`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        fc.constantFrom(...paths),
        segment,
        query,
        body,
        async (method, template, part, params, payload) => {
          tally.fuzzCases++;
          const path = template.replace('%s', encodeURIComponent(part).replace(/%25/g, '%'));
          const search = new URLSearchParams(params).toString();
          const answer = observed(
            `${method} ${path}`,
            await request(`${cloud.endpoints.aws}${path}${search ? `?${search}` : ''}`, {
              method,
              headers: { 'content-type': 'application/json' },
              ...(method === 'GET' ? {} : { body: payload }),
            }),
          );
          return answer.status < 500;
        },
      ),
      { numRuns: FUZZ_RUNS, seed },
    );
    // What the fuzzing may have switched on is switched off again, so the checks below see the program itself.
    observed(
      'DELETE /_local/faults',
      await request(`${cloud.endpoints.aws}/_local/faults`, {
        method: 'DELETE',
        headers: { 'content-type': 'application/json' },
      }),
    );
  });
});

describe('after all of it', () => {
  it('the program never exited, answered no 5xx, let nothing through, and still serves every port', async () => {
    for (const [name, url] of Object.entries(listeners())) {
      const answer = await request(`${url}/`, { method: 'GET' });
      expect({ name, answered: answer.status < 500 }).toEqual({ name, answered: true });
    }
    const stillSigned = await signedAwsPost(
      cloud,
      'dynamodb',
      { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      '{}',
    );
    expect(stillSigned.status).toBe(200);
    expect({ exits: cloud.unaskedExits(), offenders }).toEqual({ exits: 0, offenders: [] });
    recordFigures({
      promise: 'hostile clients: broken HTTP and WebSocket, rebinding, foreign origins, unsigned AWS calls, fuzzing',
      requests: tally.attempts,
      fuzzCases: tally.fuzzCases,
      processExits: cloud.unaskedExits(),
      serverErrors: tally.serverErrors,
      letThrough: tally.letThrough,
      lost: 0,
      doubled: 0,
      notes: `seed ${seed}`,
    });
  });
});
