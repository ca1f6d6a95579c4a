// What the demo and the smoke test share: HTTP calls that never hang, and polling with a deadline.

/** A failed step: the scripts print its message and exit non-zero. */
export class StepFailed extends Error {}

/** fetch with a timeout; the body parsed as JSON when it is JSON. A refused connection names the URL. */
export async function call(url, init = {}) {
  let response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new StepFailed(
      `nothing answered ${init.method ?? 'GET'} ${url}: ${error.cause?.code ?? error.cause?.message ?? error.message}`,
    );
  }
  const text = await response.text();
  let body = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, type: response.headers.get('content-type') ?? '', body };
}

/** Polls `check` until it returns something truthy; throws naming `what` after `waitMs`. */
export async function until(what, check, waitMs = 20_000) {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new StepFailed(`gave up after ${waitMs / 1000}s waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
