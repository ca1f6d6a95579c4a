// One line per job: what it proved and how long each step took; failures name the step.
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

export { seconds };

export function describeJob(job, result) {
  const name = (job.kind === 'test' ? `${job.dir} (test)` : job.dir).padEnd(52);
  if (!result.ok)
    return `  FAIL ${name} ${result.error.step ? `at ${result.error.step}` : result.error.message.split('\n')[0]}`;
  const value = result.value;
  const outcome = (
    value.plan ? `${value.resourcesToCreate} to create` : value.summary.replace(/^Success! /, '')
  ).padEnd(22);
  const timings = value.cached
    ? 'unchanged, result reused'
    : Object.entries(value.timings)
        .map(([step, ms]) => `${step} ${seconds(ms)}`)
        .join('  ');
  return `  ok   ${name} ${outcome} ${timings}`;
}
