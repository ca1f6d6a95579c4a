import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Proves the dependency rules of the design bite: each import below is linted as if it were written in
 * the named project, and must be rejected by @nx/enforce-module-boundaries (or accepted, for the controls).
 */
type Case = [description: string, filePath: string, code: string];

function boundaryErrorsOf(cases: Case[]): Map<string, string[]> {
  const snippets = cases.map(([, filePath, code]) => ({ filePath, code }));
  const output = execFileSync(process.execPath, [join(__dirname, 'lint-snippets.mjs')], {
    input: JSON.stringify(snippets),
    encoding: 'utf8',
  });
  const messages: string[][] = JSON.parse(output);
  return new Map(
    cases.map(([description], i) => [
      description,
      messages[i].filter((m) => /^(@nx\/enforce-module-boundaries|no-restricted-imports):/.test(m)),
    ]),
  );
}

const domainFile = 'libs/orders/domain/src/boundary-probe.ts';
const applicationFile = 'libs/orders/application/src/boundary-probe.ts';

const rejected: Case[] = [
  [
    'a domain lib importing dynamoose',
    domainFile,
    "import * as dynamoose from 'dynamoose';\nexport const x = dynamoose;\n",
  ],
  [
    'a domain lib importing the AWS SDK',
    domainFile,
    "import { SNSClient } from '@aws-sdk/client-sns';\nexport const x = SNSClient;\n",
  ],
  ['a domain lib importing Middy', domainFile, "import middy from '@middy/core';\nexport const x = middy;\n"],
  [
    'an application lib importing the AWS SDK',
    applicationFile,
    "import { EventBridgeClient } from '@aws-sdk/client-eventbridge';\nexport const x = EventBridgeClient;\n",
  ],
  [
    'a domain lib reading files',
    domainFile,
    "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
  ],
  ['an application lib opening a socket', applicationFile, "import * as http from 'http';\nexport const x = http;\n"],
  [
    'a domain lib importing its adapters',
    domainFile,
    "import * as adapters from '@harbor/orders-adapters';\nexport const x = adapters;\n",
  ],
  [
    'an application lib importing its adapters',
    applicationFile,
    "import * as adapters from '@harbor/orders-adapters';\nexport const x = adapters;\n",
  ],
  [
    'a service lib importing the local cloud',
    domainFile,
    "import * as m from '@harbor/local-cloud-messaging';\nexport const x = m;\n",
  ],
  [
    'a platform lib importing a service',
    'libs/platform/lambda/src/boundary-probe.ts',
    "import * as d from '@harbor/orders-domain';\nexport const x = d;\n",
  ],
  [
    'a shared lib importing the local cloud',
    'libs/contracts/src/boundary-probe.ts',
    "import * as t from '@harbor/local-cloud-trace';\nexport const x = t;\n",
  ],
  [
    'a shared lib importing a service',
    'libs/contracts/src/boundary-probe.ts',
    "import * as d from '@harbor/orders-domain';\nexport const x = d;\n",
  ],
  [
    'an inventory lib importing an orders lib',
    'libs/inventory/domain/src/boundary-probe.ts',
    "import * as d from '@harbor/orders-domain';\nexport const x = d;\n",
  ],
  [
    'an inventory adapter importing the orders adapters',
    'libs/inventory/adapters/src/boundary-probe.ts',
    "import * as a from '@harbor/orders-adapters';\nexport const x = a;\n",
  ],
  [
    "a service's production code starting DynamoDB Local",
    'apps/orders/src/boundary-probe.ts',
    "import { createTables } from '@harbor/local-cloud-dynamodb';\nexport const x = createTables;\n",
  ],
  [
    "a service's tests importing another local-cloud lib",
    'apps/orders/test/boundary-probe.ts',
    "import * as m from '@harbor/local-cloud-messaging';\nexport const x = m;\n",
  ],
  [
    'an inventory handler importing the orders application',
    'apps/inventory/src/boundary-probe.ts',
    "import * as a from '@harbor/orders-application';\nexport const x = a;\n",
  ],
];

const accepted: Case[] = [
  [
    'a domain lib importing the shared kernel',
    domainFile,
    "import { DomainError } from '@harbor/shared-kernel';\nexport const x = DomainError;\n",
  ],
  ['a domain lib importing contracts', domainFile, "import * as c from '@harbor/contracts';\nexport const x = c;\n"],
  [
    'an application lib importing its domain',
    applicationFile,
    "import * as d from '@harbor/orders-domain';\nexport const x = d;\n",
  ],
  [
    'an adapter importing its application ports',
    'libs/orders/adapters/src/boundary-probe.ts',
    "import * as a from '@harbor/orders-application';\nexport const x = a;\n",
  ],
  [
    'a handler importing the platform stack',
    'apps/orders/src/boundary-probe.ts',
    "import * as p from '@harbor/platform-lambda';\nexport const x = p;\n",
  ],
  [
    'an inventory adapter importing the platform outbox',
    'libs/inventory/adapters/src/boundary-probe.ts',
    "import * as o from '@harbor/platform-outbox';\nexport const x = o;\n",
  ],
  [
    "a service's tests starting DynamoDB Local",
    'apps/orders/test/boundary-probe.ts',
    "import { createTables } from '@harbor/local-cloud-dynamodb';\nexport const x = createTables;\n",
  ],
];

describe('module boundaries', () => {
  let errors: Map<string, string[]>;
  beforeAll(() => {
    errors = boundaryErrorsOf([...rejected, ...accepted]);
  }, 60_000);

  it.each(rejected.map(([description]) => description))('rejects %s', (description) => {
    expect(errors.get(description)?.join('\n')).toMatch(
      /is not allowed to import|can only depend on libs tagged|does no I\/O|Circular dependency/,
    );
  });

  it.each(accepted.map(([description]) => description))('accepts %s', (description) => {
    expect(errors.get(description)).toEqual([]);
  });
});
