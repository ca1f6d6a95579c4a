// Test doubles of the notifications ports, for use-case, adapter and handler tests: never imported by production
// code, which is why they sit behind `@harbor/notifications-application/testing` and not in the barrel.
export { InMemoryNotifications } from './in-memory-notifications';
export { RecordingConnectionGateway } from './recording-connection-gateway';
export {
  describeNotificationsRepositoryContract,
  type NotificationsRepositoryHarness,
} from './notifications-repository.contract';
