import { InvalidConsoleRequest } from '../errors';
import { costOf, estimateCost, monthlyRequests } from './cost-estimate';
import { AWS_PRICES } from './price-table';
import type { ObservedUsage } from './usage';

const usage = (counts: Partial<ObservedUsage>): ObservedUsage => ({
  sinceStart: '2026-12-02T00:00:00.000Z',
  restRequests: 0,
  httpApiRequests: 0,
  websocketMessages: 0,
  websocketConnectionMinutes: 0,
  lambdaRequests: 0,
  lambdaGbSeconds: 0,
  snsPublishes: 0,
  eventBridgeEvents: 0,
  dynamodbReadUnits: 0,
  dynamodbWriteUnits: 0,
  ...counts,
});

describe('costOf at the reviewed list prices', () => {
  it('prices every service as computed by hand', () => {
    const cost = costOf(
      usage({
        restRequests: 1_000_000, // $3.50
        httpApiRequests: 2_000_000, // $2.00
        websocketMessages: 1_000_000, // $1.00
        websocketConnectionMinutes: 4_000_000, // $1.00
        lambdaRequests: 3_000_000, // $0.60
        lambdaGbSeconds: 100_000, // $1.66667
        snsPublishes: 2_000_000, // $1.00
        eventBridgeEvents: 1_000_000, // $1.00
        dynamodbWriteUnits: 1_000_000, // $0.625
        dynamodbReadUnits: 8_000_000, // $1.00
      }),
      AWS_PRICES,
    );
    expect(cost.byService.apiGateway).toBeCloseTo(7.5, 9);
    expect(cost.byService.lambda).toBeCloseTo(2.26667, 9);
    expect(cost.byService.sns).toBeCloseTo(1, 9);
    expect(cost.byService.eventBridge).toBeCloseTo(1, 9);
    expect(cost.byService.dynamodb).toBeCloseTo(1.625, 9);
    expect(cost.total).toBeCloseTo(13.39167, 9);
  });

  it('carries the reviewed prices with their date, region and sources', () => {
    expect(AWS_PRICES.reviewedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(AWS_PRICES.region).toBe('us-east-1');
    expect(AWS_PRICES.source.every((url) => url.startsWith('https://aws.amazon.com/'))).toBe(true);
  });
});

describe('estimateCost', () => {
  it('extrapolates the observed usage linearly to the monthly API requests', () => {
    // 1 REST + 1 HTTP API request, each invoking a 1024 MB function for 200 ms, one SNS publish, 3 WRU and 2 RRU.
    const observed = usage({
      restRequests: 1,
      httpApiRequests: 1,
      lambdaRequests: 2,
      lambdaGbSeconds: 0.4,
      snsPublishes: 1,
      dynamodbWriteUnits: 3,
      dynamodbReadUnits: 2,
    });
    const estimate = estimateCost(observed, AWS_PRICES, 1_000_000);
    expect(estimate.monthly.scale).toBe(500_000);
    // x 500,000: 500k REST ($1.75) + 500k HTTP ($0.50); 1M invocations ($0.20) + 200,000 GB-s ($3.33334);
    // 500k publishes ($0.25); 1.5M WRU ($0.9375) + 1M RRU ($0.125).
    expect(estimate.monthly.costUsd.byService.apiGateway).toBeCloseTo(2.25, 9);
    expect(estimate.monthly.costUsd.byService.lambda).toBeCloseTo(3.53334, 9);
    expect(estimate.monthly.costUsd.byService.sns).toBeCloseTo(0.25, 9);
    expect(estimate.monthly.costUsd.byService.dynamodb).toBeCloseTo(1.0625, 9);
    expect(estimate.monthly.costUsd.total).toBeCloseTo(7.09584, 9);
    expect(estimate.monthly.restVsHttpApi).toEqual({ restApiUsd: 3.5, httpApiUsd: 1 });
    expect(estimate.observedCostUsd.total).toBeCloseTo(7.09584 / 500_000, 12);
  });

  it('answers zero monthly cost before any API request was observed', () => {
    const estimate = estimateCost(usage({ lambdaRequests: 4 }), AWS_PRICES, 1_000_000);
    expect(estimate.monthly.scale).toBe(0);
    expect(estimate.monthly.costUsd.total).toBe(0);
  });

  it('reads monthlyRequests from the query', () => {
    expect(monthlyRequests(null)).toBe(1_000_000);
    expect(monthlyRequests('250000')).toBe(250_000);
    for (const bad of ['-1', '1.5', 'lots']) expect(() => monthlyRequests(bad)).toThrow(InvalidConsoleRequest);
  });
});
