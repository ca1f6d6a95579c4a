import { type CompiledBus, DEFAULT_BUS } from './bus-topology';
import { busNotFound, validationException } from './errors';
import type { EventBridgeContext, JsonBody } from './eventbridge-context';

/** `ListRules`: the rules of a bus (default: `default`), optionally by name prefix, `Limit` a page (at most 100). */
export function listRules(body: JsonBody, context: EventBridgeContext): { Rules: unknown[]; NextToken?: string } {
  const bus = requireBus(body['EventBusName'], context);
  const prefix = typeof body['NamePrefix'] === 'string' ? body['NamePrefix'] : '';
  const limit = typeof body['Limit'] === 'number' ? body['Limit'] : 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw validationException(
      `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100`,
    );
  }
  const start = typeof body['NextToken'] === 'string' ? Number(Buffer.from(body['NextToken'], 'base64').toString()) : 0;
  if (!Number.isInteger(start) || start < 0) throw validationException('The NextToken is not valid.');
  const rules = bus.rules.filter((rule) => rule.spec.name.startsWith(prefix));
  const page = rules.slice(start, start + limit).map((rule) => ({
    Name: rule.spec.name,
    Arn: rule.arn,
    EventPattern: JSON.stringify(rule.spec.eventPattern),
    State: 'ENABLED',
    EventBusName: bus.spec.name,
  }));
  const next = start + limit < rules.length ? Buffer.from(String(start + limit)).toString('base64') : undefined;
  return next === undefined ? { Rules: page } : { Rules: page, NextToken: next };
}

/** `DescribeEventBus`: a bus by name or ARN (default: `default`). */
export function describeEventBus(body: JsonBody, context: EventBridgeContext): { Name: string; Arn: string } {
  const bus = requireBus(body['Name'], context);
  return { Name: bus.spec.name, Arn: bus.spec.arn };
}

function requireBus(nameOrArn: unknown, context: EventBridgeContext): CompiledBus {
  const name = typeof nameOrArn === 'string' && nameOrArn !== '' ? nameOrArn : DEFAULT_BUS;
  const bus = context.topology.bus(name);
  if (!bus) throw busNotFound(name.replace(/^arn:.*:event-bus\//, ''));
  return bus;
}
