import { useState } from 'preact/hooks';
import { errorText, postJson } from '../api';
import { ErrorNote } from '../components';
import type { MatchResult, MessagingResponse } from '../types';
import { flowHash } from './flow/flow-link';

const EXAMPLE_MESSAGE = JSON.stringify(
  {
    body: { orderId: 'o-1', status: 'CONFIRMED' },
    attributes: {
      eventType: { Type: 'String', Value: 'OrderStatusChanged' },
      status: { Type: 'String', Value: 'CONFIRMED' },
    },
  },
  null,
  2,
);
const EXAMPLE_EVENT = JSON.stringify(
  { source: 'harbor.orders', 'detail-type': 'OrderPlaced', detail: { orderId: 'o-1' } },
  null,
  2,
);

type Recipient = MatchResult & { readonly name: string; readonly functionId: string };
type Sent = { readonly correlationId: string; readonly messageId?: string; readonly eventId?: string };

/**
 * Publish to a topic or put an event on a bus, through the local SNS or EventBridge (POST /_local/publish,
 * /_local/put-events). Before anything is sent it names who will receive it (POST /_local/recipients).
 */
export function SendBox({ messaging }: { messaging: MessagingResponse }) {
  const targets = [
    ...messaging.topics.map((topic) => ({ key: `topic:${topic.name}`, label: `Topic ${topic.name}` })),
    ...messaging.buses.map((bus) => ({ key: `bus:${bus.name}`, label: `Bus ${bus.name}` })),
  ];
  const [target, setTarget] = useState(targets[0]?.key ?? '');
  const isBus = target.startsWith('bus:');
  const name = target.slice(target.indexOf(':') + 1);
  const [input, setInput] = useState<string>();
  const [recipients, setRecipients] = useState<readonly Recipient[]>();
  const [sent, setSent] = useState<Sent>();
  const [error, setError] = useState<string>();
  const text = input ?? (isBus ? EXAMPLE_EVENT : EXAMPLE_MESSAGE);

  const request = () => {
    const parsed = JSON.parse(text) as unknown;
    return isBus ? { bus: name, event: parsed } : { topic: name, message: parsed };
  };
  async function run(step: () => Promise<void>) {
    setError(undefined);
    try {
      await step();
    } catch (failure) {
      setError(failure instanceof SyntaxError ? `Not JSON: ${failure.message}` : errorText(failure));
    }
  }
  const preview = () =>
    run(async () => {
      setSent(undefined);
      setRecipients((await postJson<{ recipients: Recipient[] }>('/_local/recipients', request())).recipients);
    });
  const send = () =>
    run(async () => {
      const body = request();
      setRecipients((await postJson<{ recipients: Recipient[] }>('/_local/recipients', body)).recipients);
      setSent(await postJson<Sent>(isBus ? '/_local/put-events' : '/_local/publish', body));
    });

  return (
    <article aria-labelledby="send-heading">
      <h2 id="send-heading">Publish or put an event</h2>
      <form onSubmit={(event) => event.preventDefault()}>
        <label>
          Topic or bus
          <select
            value={target}
            onChange={(event) => {
              setTarget(event.currentTarget.value);
              setInput(undefined);
              setRecipients(undefined);
              setSent(undefined);
            }}
          >
            {targets.map((option) => (
              <option key={option.key} value={option.key}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {isBus
            ? 'Put this event (JSON: source, detail-type, detail)'
            : 'Publish this message (JSON: body, attributes)'}
          <textarea rows={9} value={text} onInput={(event) => setInput(event.currentTarget.value)} />
        </label>
        <div class="inline-fields">
          <button type="button" class="secondary" disabled={!target} onClick={preview}>
            Who receives it?
          </button>
          <button type="button" disabled={!target} onClick={send}>
            {isBus ? 'Put event' : 'Publish'}
          </button>
        </div>
      </form>
      <ErrorNote error={error} />
      {recipients ? (
        <section aria-label="Recipients">
          <p>
            {recipients.filter((recipient) => recipient.matches).length} of {recipients.length}{' '}
            {isBus ? 'rules' : 'subscriptions'} will receive it
          </p>
          <ul>
            {recipients.map((recipient) => {
              const failed = recipient.explanation.find((step) => !step.ok);
              return (
                <li key={recipient.name} class={recipient.matches ? 'status-ok' : 'status-error'}>
                  {recipient.matches ? '✔' : '✖'} {recipient.name} → {recipient.functionId}
                  {failed ? (
                    <>
                      {' '}
                      <small>
                        (<code>{failed.path}</code>: {failed.reason})
                      </small>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {sent ? (
        <p role="status">
          Sent {isBus ? 'event' : 'message'} <code>{sent.eventId ?? sent.messageId}</code>:{' '}
          <a href={flowHash(sent.correlationId)}>follow it in the flow</a>
        </p>
      ) : null}
    </article>
  );
}
