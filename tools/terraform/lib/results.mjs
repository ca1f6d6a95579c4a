// The last successful result of each job (tmp/terraform-check/results/<id>.json, plus its plan JSON), reused while the
// job's key is unchanged, and its duration, used to start the longest jobs first.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class ResultStore {
  constructor(dir) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  #file(id) {
    return join(this.dir, `${id}.json`);
  }

  planFile(id) {
    return join(this.dir, `${id}.plan.json`);
  }

  #read(id) {
    return existsSync(this.#file(id)) ? JSON.parse(readFileSync(this.#file(id), 'utf8')) : undefined;
  }

  /** The stored result when it was made with this key (and its plan is still there), else undefined. */
  reusable(id, key) {
    const result = this.#read(id);
    if (result?.key !== key) return undefined;
    return result.plan && !existsSync(this.planFile(id)) ? undefined : result;
  }

  save(id, result, planJson) {
    if (planJson !== undefined) writeFileSync(this.planFile(id), planJson);
    writeFileSync(this.#file(id), JSON.stringify(result, null, 2) + '\n');
  }

  /** How long the job took last time, in ms (undefined when it never ran). */
  lastDuration(id) {
    return this.#read(id)?.ms;
  }
}
