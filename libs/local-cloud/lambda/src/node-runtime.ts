import type { LambdaFunctionSpec } from './lambda-function-spec';

/** The runtime Terraform's lambda-function module deploys when a function names none. */
export const DEFAULT_NODE_RUNTIME = 'nodejs22.x';

/** Lambda's Node.js runtime identifiers: `nodejs<major>.x`. */
export const NODE_RUNTIME_PATTERN = /^nodejs(\d+)\.x$/;

export const runtimeOf = (spec: LambdaFunctionSpec): string => spec.runtime ?? DEFAULT_NODE_RUNTIME;

const majorOf = (runtime: string): number => Number(NODE_RUNTIME_PATTERN.exec(runtime)?.[1]);

/**
 * What the functions declare that this process cannot give them, one line each, said once at start: a Node.js
 * major other than the host's (functions run in this process's worker threads, so on the host's Node), and a time
 * zone of their own (the zone is process-wide: every function runs in UTC, as Lambda's default `TZ=:UTC`).
 */
export function hostMismatches(specs: readonly LambdaFunctionSpec[], hostNodeVersion: string): string[] {
  const hostMajor = Number(hostNodeVersion.replace(/^v/, '').split('.')[0]);
  const byRuntime = new Map<string, string[]>();
  for (const spec of specs) byRuntime.set(runtimeOf(spec), [...(byRuntime.get(runtimeOf(spec)) ?? []), spec.id]);
  const lines: string[] = [];
  for (const [runtime, ids] of byRuntime) {
    const major = majorOf(runtime);
    if (major === hostMajor) continue;
    lines.push(
      `WARNING: ${ids.length} function(s) declare the Lambda runtime ${runtime} (Node.js ${major}), but the local ` +
        `cloud runs on Node.js ${hostNodeVersion.replace(/^v/, '')}, so they run on Node.js ${hostMajor} here ` +
        `(${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', ...' : ''}). ` +
        `To run them as Lambda does, start the local cloud with Node.js ${major} (nvm install ${major}, or fnm, volta).`,
    );
  }
  for (const spec of specs) {
    const zone = spec.environment['TZ'];
    if (zone !== undefined && zone !== ':UTC' && zone !== 'UTC')
      lines.push(
        `WARNING: function ${spec.id} declares TZ=${zone}; functions share the local cloud's time zone, ` +
          `so it runs in UTC here (Lambda would honour its TZ)`,
      );
  }
  return lines;
}
