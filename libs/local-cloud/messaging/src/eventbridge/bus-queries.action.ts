import { type CompiledBus, type CompiledRule, DEFAULT_BUS } from './bus-topology';
import { busNotFound, EventBridgeProtocolError, validationException } from './errors';
import type { EventBridgeContext, JsonBody } from './eventbridge-context';

/** `ListRules`: the rules of a bus (default: `default`), optionally by name prefix, `Limit` a page (at most 100). */
export function listRules(body: JsonBody, context: EventBridgeContext): { Rules: unknown[]; NextToken?: string } {
  const bus = requireBus(body['EventBusName'], context);
  const rules = bus.rules.filter((rule) => rule.spec.name.startsWith(namePrefixOf(body)));
  const { page, next } = pageOf(rules, body);
  const Rules = page.map((rule) => ruleDescription(rule, bus));
  return next === undefined ? { Rules } : { Rules, NextToken: next };
}

/** `DescribeRule`: one rule of a bus (default: `default`), in ListRules' shape plus `CreatedBy`. */
export function describeRule(body: JsonBody, context: EventBridgeContext): Record<string, string> {
  const bus = requireBus(body['EventBusName'], context);
  const name = body['Name'];
  if (typeof name !== 'string' || name === '') {
    throw validationException(
      "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    );
  }
  const rule = bus.rules.find((candidate) => candidate.spec.name === name);
  if (!rule) {
    throw new EventBridgeProtocolError(
      'ResourceNotFoundException',
      `Rule ${name} does not exist on EventBus ${bus.spec.name}.`,
    );
  }
  return { ...ruleDescription(rule, bus), CreatedBy: context.accountId };
}

/** `ListEventBuses`: `default` and the declared buses, optionally by name prefix, `Limit` a page (at most 100). */
export function listEventBuses(
  body: JsonBody,
  context: EventBridgeContext,
): { EventBuses: unknown[]; NextToken?: string } {
  const buses = context.topology.all().filter((bus) => bus.spec.name.startsWith(namePrefixOf(body)));
  const { page, next } = pageOf(buses, body);
  const EventBuses = page.map((bus) => ({ Name: bus.spec.name, Arn: bus.spec.arn }));
  return next === undefined ? { EventBuses } : { EventBuses, NextToken: next };
}

function ruleDescription(rule: CompiledRule, bus: CompiledBus): Record<string, string> {
  return {
    Name: rule.spec.name,
    Arn: rule.arn,
    EventPattern: JSON.stringify(rule.spec.eventPattern),
    State: 'ENABLED',
    EventBusName: bus.spec.name,
  };
}

const namePrefixOf = (body: JsonBody): string => (typeof body['NamePrefix'] === 'string' ? body['NamePrefix'] : '');

/** `Limit` (1–100, default 100) and an opaque `NextToken`, as the List operations take them. */
function pageOf<T>(all: readonly T[], body: JsonBody): { page: T[]; next?: string } {
  const limit = typeof body['Limit'] === 'number' ? body['Limit'] : 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw validationException(
      `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100`,
    );
  }
  const start = typeof body['NextToken'] === 'string' ? Number(Buffer.from(body['NextToken'], 'base64').toString()) : 0;
  if (!Number.isInteger(start) || start < 0) throw validationException('The NextToken is not valid.');
  const next = start + limit < all.length ? Buffer.from(String(start + limit)).toString('base64') : undefined;
  return { page: all.slice(start, start + limit), next };
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
