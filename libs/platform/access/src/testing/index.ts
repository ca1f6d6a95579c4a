// How an adapter's `<adapter>.access.spec.ts` proves its descriptor (`@harbor/platform-access/testing`): the SDK
// commands it really sends, recorded, as IAM actions on resources, against what the descriptor declares.
export { accessOfCommand, describeAccess, type CommandAccess, type SentCommand } from './aws-command-access';
export {
  accessMeter,
  recordCommands,
  type AccessMeter,
  type ClientClass,
  type CommandRecorder,
} from './command-recorder';
export { describeDeclaredAccess, type PhysicalNames } from './declared-access';
