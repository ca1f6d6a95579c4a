import { invalidDefinition } from '../../core';
import type { StageSpec, ThrottleSpec } from '../rest-api.types';
import { BucketSet, methodSettingsKey, normaliseMethodThrottles } from './token-bucket';

/**
 * Stage and method throttling: a method's own settings win over the stage's `*\/*` settings, which win over
 * the stage `throttle`; as in API Gateway each method gets its own bucket with those limits.
 */
export class StageThrottles {
  private readonly buckets = new BucketSet();
  private readonly byStage = new Map<
    string,
    { readonly methods: Map<string, ThrottleSpec>; readonly stage?: ThrottleSpec }
  >();

  constructor(stages: readonly StageSpec[], file: string) {
    for (const stage of stages) {
      const problem = (detail: string): Error =>
        invalidDefinition({ file, route: `stage ${stage.name}` }, 'stage throttling', detail);
      this.byStage.set(stage.name, {
        methods: normaliseMethodThrottles(stage.methodThrottles, problem),
        stage: stage.throttle,
      });
    }
  }

  /** False when the request must be answered 429 THROTTLED. */
  admit(stage: string, resourcePath: string, method: string, now: number): boolean {
    const settings = this.byStage.get(stage);
    if (!settings) return true;
    const key = methodSettingsKey(resourcePath, method);
    const limits = settings.methods.get(key) ?? settings.methods.get('*/*') ?? settings.stage;
    return limits === undefined || this.buckets.tryTake(`${stage} ${key}`, limits, now);
  }
}
