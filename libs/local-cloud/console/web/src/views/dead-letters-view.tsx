import { useState } from 'preact/hooks';
import { errorText, postJson } from '../api';
import { ErrorNote, formatTime, Json, ScrollTable } from '../components';
import type { DeadLetter, RedriveResult } from '../types';
import { useJson } from '../use-json';

/** Every dead-letter queue with its messages: why each failed, the message itself, and a redrive per queue. */
export function DeadLettersView() {
  const queues = useJson<{ queues: { name: string; messages: DeadLetter[] }[] }>('/_local/dlq');
  const [open, setOpen] = useState<DeadLetter>();
  const [redriven, setRedriven] = useState<RedriveResult>();
  const [error, setError] = useState<string>();

  async function redrive(queueName: string) {
    setError(undefined);
    try {
      setRedriven(await postJson<RedriveResult>(`/_local/dlq/${encodeURIComponent(queueName)}/redrive`, {}));
      setOpen(undefined);
      queues.reload();
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <section aria-labelledby="dlq-heading">
      <h1 id="dlq-heading">Dead letters</h1>
      <button type="button" class="secondary small" onClick={queues.reload}>
        Refresh
      </button>
      <ErrorNote error={queues.error ?? error} />
      {redriven ? (
        <p role="status">
          Redrove {redriven.redriven} from {redriven.queueName}: {redriven.delivered} delivered, {redriven.failed}{' '}
          failed again, {redriven.remaining} remaining.
        </p>
      ) : null}
      {queues.data && !queues.data.queues.length ? <p>No dead-letter queues are declared.</p> : null}
      {queues.data?.queues.some((queue) => !queue.messages.length) ? (
        <p class="empty-queues">
          Empty:{' '}
          {queues.data.queues
            .filter((queue) => !queue.messages.length)
            .map((queue) => queue.name)
            .join(', ')}
        </p>
      ) : null}
      {queues.data?.queues
        .filter((queue) => queue.messages.length)
        .map((queue) => (
          <article key={queue.name} aria-label={`Queue ${queue.name}`}>
            <header class="inline-fields">
              <h2>
                {queue.name} <small>({queue.messages.length} messages)</small>
              </h2>
              <button
                type="button"
                class="small"
                aria-label={`Redrive ${queue.name}`}
                onClick={() => redrive(queue.name)}
              >
                Redrive
              </button>
            </header>
            <ScrollTable caption={`Messages in ${queue.name}`}>
              <thead>
                <tr>
                  <th>Dead-lettered</th>
                  <th>From → to</th>
                  <th>Error</th>
                  <th>Attempts</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                {queue.messages.map((message) => (
                  <tr key={message.id}>
                    <td>{formatTime(message.deadLetteredAt)}</td>
                    <td>
                      {message.origin} → {message.target}
                    </td>
                    <td>
                      {message.error.errorType}: {message.error.errorMessage}
                    </td>
                    <td>{message.attempts}</td>
                    <td>
                      <button
                        type="button"
                        class="small outline"
                        aria-label={`Inspect message ${message.messageId}`}
                        onClick={() => setOpen(message)}
                      >
                        Inspect
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          </article>
        ))}
      {open ? (
        <article aria-label="Dead letter detail">
          <h2>Message {open.messageId}</h2>
          <p>
            Failed at {open.error.stage} with <strong>{open.error.errorType}</strong>: {open.error.errorMessage}.{' '}
            {open.attempts} attempts from {formatTime(open.firstAttemptAt)} to {formatTime(open.lastAttemptAt)};
            redriven {open.redriveCount} times. Correlation <code>{open.correlationId ?? '—'}</code>.
          </p>
          <Json label="Dead-lettered message" value={open.message} />
          <button type="button" class="secondary small" onClick={() => setOpen(undefined)}>
            Close
          </button>
        </article>
      ) : null}
    </section>
  );
}
