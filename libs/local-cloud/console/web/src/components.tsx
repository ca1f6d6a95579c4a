import type { ComponentChildren } from 'preact';

export function Status({ status }: { status: 'ok' | 'error' }) {
  return <span class={`status-${status}`}>{status}</span>;
}

export function ErrorNote({ error }: { error?: string | undefined }) {
  return error ? (
    <p role="alert" class="status-error">
      {error}
    </p>
  ) : null;
}

/** JSON in a box of its own; `compact` keeps small policies and patterns on as few lines as the width allows. */
export function Json({ value, label, compact = false }: { value: unknown; label: string; compact?: boolean }) {
  return (
    <pre aria-label={label}>
      {typeof value === 'string'
        ? value
        : compact
          ? JSON.stringify(value).replace(/([,:])(?=["{[\d-])/g, '$1 ')
          : JSON.stringify(value, null, 2)}
    </pre>
  );
}

export function ScrollTable({
  caption,
  children,
  class: className,
}: {
  caption: string;
  children: ComponentChildren;
  class?: string;
}) {
  return (
    <div class="scroll-x">
      <table class={className ? `striped ${className}` : 'striped'}>
        <caption class="visually-hidden">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

// One formatter for every timestamp: building one per call costs more than the rest of a row's render.
const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** `14:03:07` in the viewer's time zone. */
export const formatClock = (epochMs: number): string => clock.format(epochMs);

/** `14:03:07.123` in the viewer's time zone. */
export const formatTime = (iso: string): string => `${clock.format(Date.parse(iso))}.${iso.slice(20, 23)}`;

export const formatUsd = (usd: number): string =>
  usd >= 1
    ? `$${usd.toFixed(2)}`
    : `$${usd
        .toPrecision(3)
        .replace(/(\.\d*?)0+$/, '$1')
        .replace(/\.$/, '')}`;
