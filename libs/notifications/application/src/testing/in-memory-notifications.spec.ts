import { describeNotificationsRepositoryContract } from './notifications-repository.contract';
import { InMemoryNotifications } from './in-memory-notifications';

describeNotificationsRepositoryContract('InMemoryNotifications', async () => {
  const fake = new InMemoryNotifications();
  return { connections: fake, notifications: fake, ledger: fake };
});
