import { eachPlanCase } from './support/plan-cases';
import { isUnknown, type PlannedResource, type TerraformPlan } from './support/terraform-plan';

// Each service is watched: its API's 5xx rate and p99 latency, each function's errors and throttles (dead-letter
// queue alarms: dead-letter-queues.spec.ts), and one dashboard per service.
function alarmsOn(
  plan: TerraformPlan,
  namespace: string,
  metric: string,
  dimensions: Record<string, string>,
): PlannedResource[] {
  return plan
    .ofType('aws_cloudwatch_metric_alarm')
    .filter(
      ({ values }) =>
        values.namespace === namespace &&
        values.metric_name === metric &&
        JSON.stringify(values.dimensions) === JSON.stringify(dimensions),
    );
}

describe.each(eachPlanCase())('observability planned in %s', (id, { plan, naming, services }) => {
  const onCall = plan.ofType('aws_cloudwatch_metric_alarm');

  it.each(
    services.flatMap((service) =>
      Object.keys(service.functions).map((key) => [naming.functionName(service.name, key)] as const),
    ),
  )('alarms on the first error and the first throttle of %s', (functionName) => {
    for (const metric of ['Errors', 'Throttles']) {
      const [alarm, ...others] = alarmsOn(plan, 'AWS/Lambda', metric, { FunctionName: functionName });
      expect(others).toEqual([]);
      expect(alarm?.values).toMatchObject({
        statistic: 'Sum',
        comparison_operator: 'GreaterThanOrEqualToThreshold',
        threshold: 1,
      });
    }
  });

  it.each(services.filter((service) => service.openapi !== undefined).map((service) => [service.name] as const))(
    'alarms on the 5xx rate and the p99 latency of the %s REST API',
    (service) => {
      const api = plan.find('aws_api_gateway_rest_api', 'name', naming.physical(service));
      const [stage] = plan
        .ofType('aws_api_gateway_stage')
        .filter((candidate) => candidate.moduleAddress === api.moduleAddress);
      const dimensions = { ApiName: naming.physical(service), Stage: String(stage.values.stage_name) };
      const [rate] = alarmsOn(plan, 'AWS/ApiGateway', '5XXError', dimensions);
      expect(rate?.values).toMatchObject({ statistic: 'Average', comparison_operator: 'GreaterThanThreshold' });
      expect(rate?.values.threshold).toBeLessThan(1); // a fraction of requests, not a count
      const [latency] = alarmsOn(plan, 'AWS/ApiGateway', 'Latency', dimensions);
      expect(latency?.values).toMatchObject({ extended_statistic: 'p99', comparison_operator: 'GreaterThanThreshold' });
    },
  );

  const withHttpApi = services
    .filter((service) => service.httpApi !== undefined)
    .map((service) => [service.name] as const);
  // HTTP API metrics are keyed by the API id (dimensions ApiId and Stage), known once the API exists.
  const httpApiAlarms = (service: string) => {
    const alarms = plan
      .ofType('aws_cloudwatch_metric_alarm')
      .filter(
        ({ values }) =>
          values.namespace === 'AWS/ApiGateway' &&
          String(values.alarm_name).startsWith(naming.physical(`${service}-http-`)),
      );
    const [rate, ...otherRates] = alarms.filter(({ values }) => values.metric_name === '5xx');
    expect(otherRates).toEqual([]);
    expect(rate?.values).toMatchObject({ statistic: 'Average', comparison_operator: 'GreaterThanThreshold' });
    expect(rate?.values.threshold).toBeLessThan(1);
    const [latency, ...otherLatencies] = alarms.filter(({ values }) => values.metric_name === 'Latency');
    expect(otherLatencies).toEqual([]);
    expect(latency?.values).toMatchObject({ extended_statistic: 'p99', comparison_operator: 'GreaterThanThreshold' });
    for (const alarm of [rate, latency]) expect(isUnknown(alarm, 'dimensions')).toBe(true);
  };
  if (withHttpApi.length > 0)
    it.each(withHttpApi)('alarms on the 5xx rate and the p99 latency of the %s HTTP API', httpApiAlarms);

  it('notifies the same actions when any alarm fires and recovers', () => {
    const actions = new Set(onCall.map(({ values }) => JSON.stringify([values.alarm_actions, values.ok_actions])));
    expect(actions.size).toBeLessThanOrEqual(1);
  });

  // An alarm without actions notifies nobody (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Notify_Users_Alarm_Changes.html):
  // in an environment every alarm notifies its alarms topic, whether or not alarm_actions adds more.
  if (id.startsWith('envs-')) {
    it("notifies the environment's alarms topic from every alarm, and the topic is planned", () => {
      const topic = `arn:aws:sns:${naming.region}:${naming.accountId}:${naming.physical('alarms')}`;
      expect(plan.ofType('aws_sns_topic').map(({ values }) => values.name)).toContain(naming.physical('alarms'));
      expect(onCall.length).toBeGreaterThan(0);
      expect(
        onCall
          .filter(({ values }) => !(values.alarm_actions as string[] | null)?.includes(topic))
          .map(({ values }) => values.alarm_name),
      ).toEqual([]);
    });
  }

  it('draws one dashboard per service', () => {
    expect(
      plan
        .ofType('aws_cloudwatch_dashboard')
        .map(({ values }) => values.dashboard_name)
        .sort(),
    ).toEqual(services.map((service) => naming.physical(service.name)).sort());
  });
});
