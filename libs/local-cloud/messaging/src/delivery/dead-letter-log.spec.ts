import { TraceRecorder } from '@harbor/local-cloud-trace';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScriptedInvoker } from '@harbor/local-cloud-lambda/testing';
import { AsyncDelivery } from './async-delivery';
import { DeadLetterLog } from './dead-letter-log';
import type { DeliveryRequest } from './delivery-request';

const QUEUE = 'harbor-test-notify-dlq';
const request = (messageId: string): DeliveryRequest => ({
  target: {
    service: 'sns',
    name: 'notify',
    functionId: 'notifications.notify',
    deadLetterQueue: QUEUE,
    serviceRetry: { kind: 'sns-managed-endpoint' },
  },
  origin: 'harbor-test-topic',
  messageId,
  correlationId: `corr-${messageId}`,
  event: { messageId },
});

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'harbor-dead-letters-'));
  path = join(dir, 'dead-letters.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A run of the local cloud's delivery on the data dir: the log opened, a function scripted to answer `behaviour`. */
function run(behaviour: 'ok' | 'fail') {
  const deadLetterLog = DeadLetterLog.open(path);
  const invoker = new ScriptedInvoker().script(
    'notifications.notify',
    behaviour === 'ok' ? 'ok' : { errorType: 'Error', errorMessage: 'boom' },
  );
  const delivery = new AsyncDelivery({
    invoker,
    trace: new TraceRecorder(),
    timeCompression: 1_000_000,
    random: () => 1,
    deadLetterLog,
  });
  const messages = () => delivery.deadLetters.list().find((queue) => queue.name === QUEUE)?.messages ?? [];
  return { delivery, messages, close: () => deadLetterLog.log.close() };
}

describe('DeadLetterLog', () => {
  it('keeps dead letters across restarts until a redrive delivers them, with what a failed redrive changed', async () => {
    const first = run('fail');
    first.delivery.deliver(request('m-1'));
    first.delivery.deliver(request('m-2'));
    await first.delivery.whenIdle();
    expect(first.messages().map((letter) => letter.messageId)).toEqual(['m-1', 'm-2']);
    await first.delivery.deadLetters.redrive(QUEUE); // fails again: both stay, redriven once
    first.close();

    const second = run('ok');
    expect(second.messages()).toEqual(first.messages());
    expect(second.messages().map((letter) => letter.redriveCount)).toEqual([1, 1]);
    expect(await second.delivery.deadLetters.redrive(QUEUE)).toMatchObject({ delivered: 2, remaining: 0 });
    second.close();

    expect(run('ok').messages()).toEqual([]);
  });

  it('skips a line torn by a kill and rewrites the file with only the letters still queued', async () => {
    const first = run('fail');
    first.delivery.deliver(request('m-1'));
    await first.delivery.whenIdle();
    await first.delivery.deadLetters.redrive(QUEUE);
    first.close();
    appendFileSync(path, '{"op":"added","letter":{"id":"torn"');

    const { letters, log } = DeadLetterLog.open(path);
    log.close();
    expect(letters.map(({ letter }) => [letter.messageId, letter.redriveCount])).toEqual([['m-1', 1]]);
    expect(letters[0]?.request).toEqual(request('m-1'));
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1);
  });
});
