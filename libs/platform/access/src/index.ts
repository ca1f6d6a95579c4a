// What adapters may call in AWS: the type of each adapter's `<adapter>.access.ts`, the one declaration of its IAM
// grants (tools/iam derives each function's role from the descriptors of the adapters its handler reaches).
export type {
  AdapterAccess,
  ConnectionMethod,
  DynamoDbAction,
  ResourceAccess,
  SchedulerAction,
  WiredAdapterAccess,
} from './adapter-access';
