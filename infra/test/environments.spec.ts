import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { block } from './support/collections';
import { localServices, stackNames } from './support/declarations';
import { loadPlan, type TerraformPlan } from './support/terraform-plan';
import { workspaceRoot } from './support/workspace';

// dev and prod deploy the same system (everything the local cloud runs), differing only in sizes: prod keeps logs
// longer, accepts more traffic and protects its data (tables.spec.ts).
const undeployed = (
  JSON.parse(readFileSync(join(workspaceRoot, 'infra', 'undeployed-services.json'), 'utf8')) as {
    services: { service: string; missing: string }[];
  }
).services;
const dev = loadPlan('envs-dev');
const prod = loadPlan('envs-prod');

const retentions = (plan: TerraformPlan) =>
  new Set(plan.ofType('aws_cloudwatch_log_group').map(({ values }) => values.retention_in_days as number));
const throttles = (plan: TerraformPlan) =>
  plan
    .ofType('aws_api_gateway_method_settings')
    .map(({ values }) => block(values.settings) as { throttling_burst_limit: number; throttling_rate_limit: number });
const only = <T>(values: Set<T>): T => {
  expect(values.size).toBe(1);
  return [...values][0];
};

describe('environments', () => {
  it('deploy every service the local cloud runs, except those listed in undeployed-services.json with what is missing', () => {
    const listed = undeployed.map((entry) => entry.service);
    expect(
      localServices()
        .map((service) => service.name)
        .filter((service) => !stackNames().includes(service) && !listed.includes(service)),
    ).toEqual([]);
    expect(undeployed.filter((entry) => entry.missing.length < 20).map((entry) => entry.service)).toEqual([]);
  });

  it('list no service as undeployed that has a stack or that the local cloud does not run', () => {
    const running = localServices().map((service) => service.name);
    expect(
      undeployed
        .map((entry) => entry.service)
        .filter((service) => stackNames().includes(service) || !running.includes(service)),
    ).toEqual([]);
  });

  it('plan the same resources in dev and prod', () => {
    const addresses = (plan: TerraformPlan) => plan.resources.map((resource) => resource.address).sort();
    expect(addresses(prod)).toEqual(addresses(dev));
  });

  it('keep logs longer in prod, with one retention per environment', () => {
    expect(only(retentions(prod))).toBeGreaterThan(only(retentions(dev)));
  });

  it('throttle every REST API method, higher in prod', () => {
    const [devSettings, prodSettings] = [throttles(dev), throttles(prod)];
    expect(devSettings.length).toBeGreaterThan(0);
    expect(prodSettings).toHaveLength(devSettings.length);
    prodSettings.forEach((settings, index) => {
      expect(settings.throttling_rate_limit).toBeGreaterThan(devSettings[index].throttling_rate_limit);
      expect(settings.throttling_burst_limit).toBeGreaterThan(devSettings[index].throttling_burst_limit);
    });
  });

  it('throttle every HTTP API route, higher in prod', () => {
    // HTTP API stages only: WebSocket APIs are API Gateway v2 too.
    const httpThrottles = (plan: TerraformPlan) => {
      const httpApiModules = new Set(
        plan
          .ofType('aws_apigatewayv2_api')
          .filter(({ values }) => values.protocol_type === 'HTTP')
          .map((api) => api.moduleAddress),
      );
      return plan
        .ofType('aws_apigatewayv2_stage')
        .filter((stage) => httpApiModules.has(stage.moduleAddress))
        .sort((a, b) => a.address.localeCompare(b.address))
        .map(
          ({ values }) =>
            block(values.default_route_settings) as { throttling_burst_limit: number; throttling_rate_limit: number },
        );
    };
    const [devSettings, prodSettings] = [httpThrottles(dev), httpThrottles(prod)];
    expect(devSettings.length).toBeGreaterThan(0);
    expect(prodSettings).toHaveLength(devSettings.length);
    prodSettings.forEach((settings, index) => {
      expect(settings.throttling_rate_limit).toBeGreaterThan(devSettings[index].throttling_rate_limit);
      expect(settings.throttling_burst_limit).toBeGreaterThan(devSettings[index].throttling_burst_limit);
    });
  });

  it('give no prod function less memory than in dev', () => {
    const memory = (plan: TerraformPlan) =>
      new Map(
        plan
          .ofType('aws_lambda_function')
          .map(({ values }) => [
            String(values.function_name).replace(/^harbor-[a-z0-9]+-/, ''),
            values.memory_size as number,
          ]),
      );
    const devMemory = memory(dev);
    for (const [name, size] of memory(prod)) expect(size).toBeGreaterThanOrEqual(devMemory.get(name) ?? Infinity);
  });
});
