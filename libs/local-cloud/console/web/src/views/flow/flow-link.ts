/** `#/flow/<correlationId>`: the flow a link opens (percent-encoded, so any correlation id survives the trip). */
export function correlationIdOfHash(hash: string): string | undefined {
  const match = /^#\/flow\/(.+)$/.exec(hash);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1] ?? '');
  } catch {
    return undefined;
  }
}

export const flowHash = (correlationId: string): string => `#/flow/${encodeURIComponent(correlationId)}`;
