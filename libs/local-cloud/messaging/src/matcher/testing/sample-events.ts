/** Sample inputs taken from AWS's documentation pages, shared by the specs. */

/** "Creating Amazon EventBridge event patterns": the EC2 instance-termination event. */
export const EC2_TERMINATED_EVENT = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-12-22T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated' },
};

/** The event the content-filtering examples (prefix, numeric, cidr, complex) are written against. */
export const EC2_RUNNING_EVENT = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
};

/** An event with `detail` replaced, keeping the envelope of the running EC2 event. */
export function eventWithDetail(detail: Record<string, unknown>): Record<string, unknown> {
  return { ...EC2_RUNNING_EVENT, detail };
}

/** A message attribute as SNS documents them: `{"Type": "String", "Value": "rugby"}`. */
export function attribute(type: string, value: string): { Type: string; Value: string } {
  return { Type: type, Value: value };
}
