import { invalidDefinition, stableId } from '../../core';
import type { ApiKeySpec, ThrottleSpec, UsagePlanSpec } from '../rest-api.types';
import type { GatewayError } from '../responses/gateway-response-types';
import { quotaPeriodStart } from './quota-period';
import { BucketSet, methodSettingsKey, normaliseMethodThrottles } from './token-bucket';

interface KnownKey {
  readonly id: string;
  readonly name: string;
  readonly value: string;
  readonly enabled: boolean;
}

interface PlanOnStage {
  readonly plan: UsagePlanSpec;
  readonly methods: Map<string, ThrottleSpec>;
}

export type ApiKeyVerdict =
  | { readonly ok: true; readonly apiKey: string; readonly apiKeyId: string }
  | { readonly ok: false; readonly error: GatewayError };

/**
 * API keys and usage plans: a method that requires a key answers 403 Forbidden (INVALID_API_KEY) for a missing,
 * unknown or disabled key or one no plan of the stage holds; then the plan's per-key throttle (and per-method
 * throttle) answers 429 Too Many Requests and its quota 429 Limit Exceeded.
 */
export class UsagePlans {
  private readonly keysByValue = new Map<string, KnownKey>();
  /** `<stage> <key id>` -> the plan that key is in for that stage. */
  private readonly plans = new Map<string, PlanOnStage>();
  private readonly buckets = new BucketSet();
  private readonly quotaUse = new Map<string, { periodStart: number; used: number }>();

  constructor(
    keys: readonly ApiKeySpec[],
    plans: readonly UsagePlanSpec[],
    stageNames: readonly string[],
    file: string,
  ) {
    const byName = new Map<string, KnownKey>();
    for (const key of keys) {
      const known = {
        id: key.id ?? stableId(`key:${key.name}`, 10),
        name: key.name,
        value: key.value,
        enabled: key.enabled ?? true,
      };
      if (key.value.length < 20) {
        throw invalidDefinition(
          { file, route: `api key ${key.name}` },
          'API key',
          'values must be at least 20 characters, as in API Gateway',
        );
      }
      byName.set(key.name, known);
      this.keysByValue.set(key.value, known);
    }
    for (const plan of plans) {
      const problem = (detail: string): Error =>
        invalidDefinition({ file, route: `usage plan ${plan.name}` }, 'usage plan', detail);
      for (const { stage, methodThrottles } of plan.stages) {
        if (!stageNames.includes(stage)) throw problem(`stage ${stage} is not a stage of this API`);
        for (const keyName of plan.apiKeys) {
          const key = byName.get(keyName);
          if (!key) throw problem(`API key ${keyName} is not defined`);
          const slot = `${stage} ${key.id}`;
          if (this.plans.has(slot))
            throw problem(`API key ${keyName} is already in another usage plan for stage ${stage}`);
          this.plans.set(slot, { plan, methods: normaliseMethodThrottles(methodThrottles, problem) });
        }
      }
    }
  }

  check(keyValue: string | undefined, stage: string, resourcePath: string, method: string, now: number): ApiKeyVerdict {
    const key = keyValue === undefined ? undefined : this.keysByValue.get(keyValue);
    const onStage = key && key.enabled ? this.plans.get(`${stage} ${key.id}`) : undefined;
    if (!key || !onStage) return { ok: false, error: { responseType: 'INVALID_API_KEY' } };
    const { plan, methods } = onStage;
    const methodKey = methodSettingsKey(resourcePath, method);
    const methodLimits = methods.get(methodKey);
    if (methodLimits && !this.buckets.tryTake(`${stage} ${key.id} ${methodKey}`, methodLimits, now)) {
      return { ok: false, error: { responseType: 'THROTTLED' } };
    }
    if (!methodLimits && plan.throttle && !this.buckets.tryTake(`${stage} ${key.id}`, plan.throttle, now)) {
      return { ok: false, error: { responseType: 'THROTTLED' } };
    }
    if (plan.quota && !this.consumeQuota(`${plan.name} ${key.id}`, plan.quota, now))
      return { ok: false, error: { responseType: 'QUOTA_EXCEEDED' } };
    return { ok: true, apiKey: key.value, apiKeyId: key.id };
  }

  private consumeQuota(slot: string, quota: NonNullable<UsagePlanSpec['quota']>, now: number): boolean {
    const periodStart = quotaPeriodStart(quota.period, now);
    let use = this.quotaUse.get(slot);
    if (!use) {
      use = { periodStart, used: quota.offset ?? 0 };
      this.quotaUse.set(slot, use);
    } else if (use.periodStart !== periodStart) {
      use.periodStart = periodStart;
      use.used = 0;
    }
    if (use.used >= quota.limit) return false;
    use.used += 1;
    return true;
  }
}
