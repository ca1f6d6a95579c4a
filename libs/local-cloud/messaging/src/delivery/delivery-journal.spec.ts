import { TraceRecorder } from '@harbor/local-cloud-trace';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScriptedInvoker } from '@harbor/local-cloud-lambda/testing';
import { AsyncDelivery } from './async-delivery';
import { DeliveryJournal } from './delivery-journal';
import type { DeliveryRequest } from './delivery-request';

const request = (messageId: string): DeliveryRequest => ({
  target: {
    service: 'sns',
    name: 'notify',
    functionId: 'notifications.notify',
    deadLetterQueue: undefined,
    serviceRetry: { kind: 'sns-managed-endpoint' },
  },
  origin: 'harbor-test-topic',
  messageId,
  correlationId: `corr-${messageId}`,
  event: { messageId },
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'harbor-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('DeliveryJournal', () => {
  it('answers the deliveries accepted and never settled, skipping a line torn by a kill, and compacts the file', () => {
    const path = join(dir, 'delivery-journal.jsonl');
    const { journal } = DeliveryJournal.open(path);
    journal.accepted('a', request('m-a'));
    journal.accepted('b', request('m-b'));
    journal.settled('a');
    appendFileSync(path, '{"op":"accepted","id":"c","requ');

    const reopened = DeliveryJournal.open(path);
    expect(reopened.unsettled).toEqual([{ id: 'b', request: request('m-b') }]);
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('compacts itself during a run once longer than its limit, keeping what is not settled', () => {
    const path = join(dir, 'delivery-journal.jsonl');
    const { journal } = DeliveryJournal.open(path, 2000);
    journal.accepted('kept', request('m-kept'));
    for (let i = 0; i < 50; i += 1) {
      journal.accepted(`d-${i}`, request(`m-${i}`));
      journal.settled(`d-${i}`);
    }
    // 101 lines of about 250 bytes were written; the file never held much more than its limit.
    expect(readFileSync(path, 'utf8').length).toBeLessThan(2000 + 500);
    journal.close();
    expect(DeliveryJournal.open(path).unsettled).toEqual([{ id: 'kept', request: request('m-kept') }]);
  });

  it('lets a restarted AsyncDelivery deliver what the stopped one accepted but had not delivered', async () => {
    const path = join(dir, 'delivery-journal.jsonl');
    const held = new ScriptedInvoker().script('notifications.notify', 'ok');
    held.hold(); // the first process never gets to run the function
    const first = new AsyncDelivery({
      invoker: held,
      trace: new TraceRecorder(),
      journal: DeliveryJournal.open(path).journal,
    });
    first.deliver(request('m-1'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    first.stop();

    const { journal, unsettled } = DeliveryJournal.open(path);
    const invoker = new ScriptedInvoker().script('notifications.notify', 'ok');
    const second = new AsyncDelivery({ invoker, trace: new TraceRecorder(), journal });
    second.resume(unsettled);
    await second.whenIdle();
    expect(invoker.calls.map((call) => call.event)).toEqual([{ messageId: 'm-1' }]);
    expect(DeliveryJournal.open(path).unsettled).toEqual([]);
  });
});
