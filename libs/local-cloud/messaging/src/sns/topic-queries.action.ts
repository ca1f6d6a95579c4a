import type { QueryParams } from './query-params';
import type { SnsContext } from './sns-context';
import { requireTopic } from './topic-lookup';
import { element, textElement } from './xml';
import { invalidParameter } from './errors';

const PAGE_SIZE = 100;

/** `ListTopics`: every declared topic, 100 a page. */
export function listTopics(params: QueryParams, context: SnsContext): string {
  const page = paginate(context.topology.topics(), params.get('NextToken'));
  const members = page.items.map((topic) => element('member', textElement('TopicArn', topic.spec.arn)));
  return element('Topics', members.join('')) + nextToken(page.next);
}

/** `GetTopicAttributes`: the attributes AWS reports for a standard topic. */
export function getTopicAttributes(params: QueryParams, context: SnsContext): string {
  const topic = requireTopic(params, context);
  const attributes: Record<string, string> = {
    TopicArn: topic.spec.arn,
    Owner: context.accountId,
    DisplayName: '',
    SubscriptionsConfirmed: String(topic.subscriptions.length),
    SubscriptionsPending: '0',
    SubscriptionsDeleted: '0',
    Policy: JSON.stringify(defaultTopicPolicy(topic.spec.arn, context.accountId)),
    EffectiveDeliveryPolicy: JSON.stringify(defaultDeliveryPolicy()),
  };
  const entries = Object.entries(attributes).map(([key, value]) =>
    element('entry', textElement('key', key) + textElement('value', value)),
  );
  return element('Attributes', entries.join(''));
}

/** `ListSubscriptionsByTopic`: the topic's Lambda subscriptions, 100 a page. */
export function listSubscriptionsByTopic(params: QueryParams, context: SnsContext): string {
  const topic = requireTopic(params, context);
  const page = paginate(topic.subscriptions, params.get('NextToken'));
  const members = page.items.map((subscription) =>
    element(
      'member',
      [
        textElement('TopicArn', topic.spec.arn),
        textElement('Protocol', 'lambda'),
        textElement('SubscriptionArn', subscription.arn),
        textElement('Owner', context.accountId),
        textElement('Endpoint', subscription.endpoint),
      ].join(''),
    ),
  );
  return element('Subscriptions', members.join('')) + nextToken(page.next);
}

function paginate<T>(
  items: readonly T[],
  token: string | undefined,
): { items: readonly T[]; next: string | undefined } {
  const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64').toString());
  if (!Number.isInteger(start) || start < 0 || start > items.length)
    throw invalidParameter('Invalid parameter: NextToken');
  const end = start + PAGE_SIZE;
  return {
    items: items.slice(start, end),
    next: end < items.length ? Buffer.from(String(end)).toString('base64') : undefined,
  };
}

function nextToken(next: string | undefined): string {
  return next === undefined ? '' : textElement('NextToken', next);
}

function defaultTopicPolicy(topicArn: string, accountId: string): unknown {
  return {
    Version: '2008-10-17',
    Id: '__default_policy_ID',
    Statement: [
      {
        Sid: '__default_statement_ID',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [
          'SNS:GetTopicAttributes',
          'SNS:SetTopicAttributes',
          'SNS:AddPermission',
          'SNS:RemovePermission',
          'SNS:DeleteTopic',
          'SNS:Subscribe',
          'SNS:ListSubscriptionsByTopic',
          'SNS:Publish',
        ],
        Resource: topicArn,
        Condition: { StringEquals: { 'AWS:SourceOwner': accountId } },
      },
    ],
  };
}

function defaultDeliveryPolicy(): unknown {
  return {
    http: {
      defaultHealthyRetryPolicy: {
        minDelayTarget: 20,
        maxDelayTarget: 20,
        numRetries: 3,
        numMaxDelayRetries: 0,
        numNoDelayRetries: 0,
        numMinDelayRetries: 0,
        backoffFunction: 'linear',
      },
      disableSubscriptionOverrides: false,
      defaultRequestPolicy: { headerContentType: 'text/plain; charset=UTF-8' },
    },
  };
}
