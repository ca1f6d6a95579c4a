import type { LocalCloudConfig } from './config';
import type { LocalCloudEndpoints } from './start-local-cloud';

/** The start-up table, then the `ready` line scripts wait for. */
export function printEndpoints(config: LocalCloudConfig, endpoints: LocalCloudEndpoints, startupMs: number): void {
  const rows: [string, string][] = [
    ['REST API', endpoints.restApi],
    ['  API key (x-api-key)', config.apiKey],
    ['HTTP API', endpoints.httpApi],
    ['WebSocket API', endpoints.websocket],
    ...Object.entries(endpoints.websocketApis).map(([service, url]): [string, string] => [`  ${service}`, url]),
    ['AWS endpoint (SNS, EventBridge, @connections, DynamoDB for functions)', endpoints.aws],
    ['Local API (/_local/token, traces, dlq)', `${endpoints.aws}/_local/`],
    ['DynamoDB Local', endpoints.dynamodb],
    ['Data', config.dataDir ?? 'in memory'],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const lines = rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`);
  process.stdout.write(`\nHarbor local cloud\n${lines.join('\n')}\n\nready in ${(startupMs / 1000).toFixed(2)} s\n`);
}
