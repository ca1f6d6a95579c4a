import { Json, Status } from '../../components';
import type { InvokeAnswer } from '../../types';

/** How an invocation from the console went; its correlation id is a new flow in the live flow. */
export function InvokeResult({ answer }: { answer: InvokeAnswer }) {
  return (
    <article aria-label="Invocation result">
      <p>
        <Status status={answer.ok ? 'ok' : 'error'} /> {answer.functionId} in {answer.durationMs.toFixed(1)} ms
        {answer.coldStart ? ' (cold start)' : ''} · new flow <code>{answer.correlationId}</code>
      </p>
      {answer.ok ? (
        <Json label="Invocation result payload" value={answer.result ?? null} />
      ) : (
        <Json label="Invocation error" value={answer.error} />
      )}
    </article>
  );
}
