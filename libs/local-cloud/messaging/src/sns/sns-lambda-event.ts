import { createHash } from 'node:crypto';

/** The event Lambda receives from an SNS subscription, field for field as AWS sends it. */
export interface SnsLambdaEvent {
  readonly Records: readonly [
    {
      readonly EventVersion: '1.0';
      readonly EventSubscriptionArn: string;
      readonly EventSource: 'aws:sns';
      readonly Sns: {
        readonly SignatureVersion: '1';
        readonly Timestamp: string;
        readonly Signature: string;
        readonly SigningCertUrl: string;
        readonly MessageId: string;
        readonly Message: string;
        readonly MessageAttributes: Readonly<Record<string, { readonly Type: string; readonly Value: string }>>;
        readonly Type: 'Notification';
        readonly UnsubscribeUrl: string;
        readonly TopicArn: string;
        readonly Subject: string | null;
      };
    },
  ];
}

export interface SnsNotification {
  readonly subscriptionArn: string;
  readonly topicArn: string;
  readonly region: string;
  readonly messageId: string;
  readonly message: string;
  readonly subject: string | undefined;
  readonly attributes: Readonly<Record<string, { readonly Type: string; readonly Value: string }>>;
  readonly timestamp: Date;
}

export function snsLambdaEvent(notification: SnsNotification): SnsLambdaEvent {
  const { region, subscriptionArn } = notification;
  const timestamp = notification.timestamp.toISOString();
  return {
    Records: [
      {
        EventVersion: '1.0',
        EventSubscriptionArn: subscriptionArn,
        EventSource: 'aws:sns',
        Sns: {
          SignatureVersion: '1',
          Timestamp: timestamp,
          Signature: localSignature(notification, timestamp),
          SigningCertUrl: `https://sns.${region}.amazonaws.com/SimpleNotificationService-local.pem`,
          MessageId: notification.messageId,
          Message: notification.message,
          MessageAttributes: notification.attributes,
          Type: 'Notification',
          UnsubscribeUrl: `https://sns.${region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
          TopicArn: notification.topicArn,
          Subject: notification.subject ?? null,
        },
      },
    ],
  };
}

/**
 * AWS signs the canonical notification string with its private key. Locally there is no AWS certificate, so the
 * signature is a digest of the same canonical string: well-formed, stable, and not verifiable against AWS.
 */
function localSignature(notification: SnsNotification, timestamp: string): string {
  const canonical = [
    'Message',
    notification.message,
    'MessageId',
    notification.messageId,
    ...(notification.subject === undefined ? [] : ['Subject', notification.subject]),
    'Timestamp',
    timestamp,
    'TopicArn',
    notification.topicArn,
    'Type',
    'Notification',
  ].join('\n');
  return createHash('sha256').update(canonical).digest('base64');
}
