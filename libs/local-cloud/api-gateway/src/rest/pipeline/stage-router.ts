import { invalidDefinition } from '../../core';
import type { StageSpec } from '../rest-api.types';
import type { StageRuntime } from './request-state';

export interface StageSelection {
  readonly stage: StageRuntime;
  /** The path below the stage (`/orders/1` for `/v1/orders/1`). */
  readonly path: string;
}

/**
 * Stages as deployed: each served under `/<stage>/...`; the default stage is also served at `/`, as a custom
 * domain's base path mapping does. A first path segment naming a stage always selects that stage.
 */
export class StageRouter {
  private readonly byName = new Map<string, StageRuntime>();
  private readonly fallback: StageRuntime | undefined;
  readonly names: readonly string[];

  constructor(stages: readonly StageSpec[], file: string) {
    if (stages.length === 0)
      throw invalidDefinition({ file }, 'stages', 'a REST API is served from at least one stage');
    const defaults = stages.filter((stage) => stage.default === true);
    if (defaults.length > 1)
      throw invalidDefinition(
        { file },
        'stages',
        `only one stage can be the default (${defaults.map((stage) => stage.name).join(', ')})`,
      );
    for (const stage of stages) {
      if (!/^[A-Za-z0-9_-]{1,128}$/.test(stage.name))
        throw invalidDefinition(
          { file },
          'stages',
          `stage name ${JSON.stringify(stage.name)} may use only letters, digits, - and _`,
        );
      if (this.byName.has(stage.name))
        throw invalidDefinition({ file }, 'stages', `stage ${stage.name} is declared twice`);
      for (const name of Object.keys(stage.variables ?? {})) {
        if (!/^[A-Za-z0-9_]+$/.test(name))
          throw invalidDefinition(
            { file },
            'stage variables',
            `${stage.name}.${name}: names use letters, digits and _`,
          );
      }
      this.byName.set(stage.name, { name: stage.name, variables: { ...(stage.variables ?? {}) } });
    }
    this.fallback = defaults[0] ? this.byName.get(defaults[0].name) : undefined;
    this.names = [
      ...(defaults[0] ? [defaults[0].name] : []),
      ...stages.filter((stage) => stage.default !== true).map((stage) => stage.name),
    ];
  }

  resolve(path: string): StageSelection | undefined {
    const end = path.indexOf('/', 1);
    const first = end === -1 ? path.slice(1) : path.slice(1, end);
    const stage = this.byName.get(first);
    if (stage) return { stage, path: end === -1 ? '/' : path.slice(end) };
    return this.fallback ? { stage: this.fallback, path } : undefined;
  }
}
