import { useState } from 'preact/hooks';
import { errorText, postJson } from '../api';
import { ErrorNote } from '../components';
import type { MatchResult, MessagingResponse } from '../types';

const EXAMPLE_EVENT = '{\n  "source": "harbor.orders",\n  "detail-type": "OrderPlaced",\n  "detail": {}\n}';
const EXAMPLE_MESSAGE =
  '{\n  "body": {},\n  "attributes": { "eventType": { "Type": "String", "Value": "OrderPlaced" } }\n}';

/** "Would this match?": a subscription's filter policy or a rule's pattern against a message or event typed here. */
export function MatchBox({ messaging }: { messaging: MessagingResponse }) {
  const targets = [
    ...messaging.topics.flatMap((topic) =>
      topic.subscriptions.map((subscription) => ({
        key: `subscription:${subscription.name}`,
        label: `Subscription ${subscription.name} (${topic.name})`,
      })),
    ),
    ...messaging.buses.flatMap((bus) =>
      bus.rules.map((rule) => ({ key: `rule:${rule.name}`, label: `Rule ${rule.name} (${bus.name})` })),
    ),
  ];
  const [target, setTarget] = useState(targets[0]?.key ?? '');
  const isRule = target.startsWith('rule:');
  const [input, setInput] = useState<string>();
  const [result, setResult] = useState<MatchResult>();
  const [error, setError] = useState<string>();
  const text = input ?? (isRule ? EXAMPLE_EVENT : EXAMPLE_MESSAGE);

  async function check(event: Event) {
    event.preventDefault();
    setError(undefined);
    setResult(undefined);
    try {
      const parsed = JSON.parse(text) as unknown;
      const name = target.slice(target.indexOf(':') + 1);
      setResult(
        await postJson<MatchResult>(
          '/_local/match',
          isRule ? { rule: name, event: parsed } : { subscription: name, message: parsed },
        ),
      );
    } catch (failure) {
      setError(failure instanceof SyntaxError ? `Not JSON: ${failure.message}` : errorText(failure));
    }
  }

  return (
    <article aria-labelledby="match-heading">
      <h2 id="match-heading">Would this match?</h2>
      <form onSubmit={check}>
        <label>
          Subscription or rule
          <select
            aria-label="Subscription or rule"
            value={target}
            onChange={(event) => {
              setTarget(event.currentTarget.value);
              setInput(undefined);
              setResult(undefined);
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
          {isRule ? 'Event (JSON)' : 'Message (JSON: body and attributes)'}
          <textarea rows={7} value={text} onInput={(event) => setInput(event.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!target}>
          Check match
        </button>
      </form>
      <ErrorNote error={error} />
      {result ? (
        <section aria-label="Match verdict">
          <p>
            <strong class={result.matches ? 'status-ok' : 'status-error'}>
              {result.matches ? 'Matches' : 'Does not match'}
            </strong>
          </p>
          <ul>
            {result.explanation.map((step, index) => (
              <li key={index} class={step.ok ? 'status-ok' : 'status-error'}>
                {step.ok ? '✔' : '✖'} <code>{step.path}</code>: {step.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
