import { InvalidConsoleRequest } from '../errors';
import type { PriceTable } from './price-table';
import type { ObservedUsage } from './usage';

export interface CostByService {
  readonly apiGateway: number;
  readonly lambda: number;
  readonly sns: number;
  readonly eventBridge: number;
  readonly dynamodb: number;
}

export interface CostEstimate {
  readonly prices: {
    readonly reviewedOn: string;
    readonly region: string;
    readonly source: readonly string[];
    readonly items: PriceTable['items'];
  };
  readonly observed: ObservedUsage;
  readonly observedCostUsd: { readonly total: number; readonly byService: CostByService };
  readonly monthly: {
    readonly requests: number;
    /** Monthly requests divided by the API requests observed: every observed count is multiplied by it. */
    readonly scale: number;
    readonly costUsd: { readonly total: number; readonly byService: CostByService };
    /** The API Gateway request charge of the monthly requests if all were REST API requests, or all HTTP API requests. */
    readonly restVsHttpApi: { readonly restApiUsd: number; readonly httpApiUsd: number };
  };
}

export const DEFAULT_MONTHLY_REQUESTS = 1_000_000;

/** `monthlyRequests` from the query: default one million, a whole number from 0 to 10^12. */
export function monthlyRequests(raw: string | null): number {
  if (raw === null) return DEFAULT_MONTHLY_REQUESTS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 1e12)
    throw new InvalidConsoleRequest(
      `monthlyRequests must be a whole number from 0 to 1000000000000, got ${JSON.stringify(raw)}`,
    );
  return value;
}

const perMillion = (count: number, price: number): number => (count / 1_000_000) * price;

/** What `usage` costs at list prices, service by service. */
export function costOf(
  usage: Omit<ObservedUsage, 'sinceStart'>,
  prices: PriceTable,
): { total: number; byService: CostByService } {
  const { apiGateway, lambda, sns, eventBridge, dynamodb } = prices.items;
  const byService: CostByService = {
    apiGateway:
      perMillion(usage.restRequests, apiGateway.restPerMillionRequests) +
      perMillion(usage.httpApiRequests, apiGateway.httpApiPerMillionRequests) +
      perMillion(usage.websocketMessages, apiGateway.websocketPerMillionMessages) +
      perMillion(usage.websocketConnectionMinutes, apiGateway.websocketPerMillionConnectionMinutes),
    lambda: perMillion(usage.lambdaRequests, lambda.perMillionRequests) + usage.lambdaGbSeconds * lambda.perGbSecondX86,
    sns: perMillion(usage.snsPublishes, sns.perMillionPublishes),
    eventBridge: perMillion(usage.eventBridgeEvents, eventBridge.perMillionCustomEvents),
    dynamodb:
      perMillion(usage.dynamodbWriteUnits, dynamodb.perMillionWriteRequestUnits) +
      perMillion(usage.dynamodbReadUnits, dynamodb.perMillionReadRequestUnits),
  };
  return { total: Object.values(byService).reduce((sum, cost) => sum + cost, 0), byService };
}

/**
 * `GET /_local/cost`: the session's usage priced, and extrapolated linearly to `requests` API requests a month (REST
 * and HTTP API requests observed set the ratio; with none observed, the monthly figures are zero).
 */
export function estimateCost(observed: ObservedUsage, prices: PriceTable, requests: number): CostEstimate {
  const counts = Object.fromEntries(Object.entries(observed).filter(([key]) => key !== 'sinceStart')) as Omit<
    ObservedUsage,
    'sinceStart'
  >;
  const apiRequests = observed.restRequests + observed.httpApiRequests;
  const scale = apiRequests === 0 ? 0 : requests / apiRequests;
  const scaled = Object.fromEntries(
    Object.entries(counts).map(([key, count]) => [key, count * scale]),
  ) as typeof counts;
  const { apiGateway } = prices.items;
  return {
    prices: { reviewedOn: prices.reviewedOn, region: prices.region, source: prices.source, items: prices.items },
    observed,
    observedCostUsd: costOf(counts, prices),
    monthly: {
      requests,
      scale,
      costUsd: costOf(scaled, prices),
      restVsHttpApi: {
        restApiUsd: perMillion(requests, apiGateway.restPerMillionRequests),
        httpApiUsd: perMillion(requests, apiGateway.httpApiPerMillionRequests),
      },
    },
  };
}
