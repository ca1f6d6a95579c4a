import { isAbsolute } from 'node:path';
import * as z from 'zod';
import { InvalidFunctionSpecError } from './errors';
import { NODE_RUNTIME_PATTERN } from './node-runtime';

/** One function as the runtime needs it, independent of where it was declared. */
export interface LambdaFunctionSpec {
  /** `<service>.<functionKey>`, for example `orders.placeOrder`. */
  readonly id: string;
  /** Physical name, for example `harbor-local-orders-placeOrder`. */
  readonly name: string;
  /** Absolute path of the TypeScript file that exports the handler. */
  readonly handlerFile: string;
  /** Export to call; `handler` when absent. */
  readonly handlerExport?: string;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  readonly environment: Readonly<Record<string, string>>;
  /** Lambda runtime identifier, as deployed (`nodejs22.x`); `nodejs22.x` when absent. */
  readonly runtime?: string;
}

// Lambda's own limits: 1 s to 15 min, 128 MB to 10 240 MB, names of at most 64 characters.
const specSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9-]+\.[A-Za-z0-9_-]+$/, 'must be <service>.<functionKey>'),
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, hyphens or underscores'),
  handlerFile: z.string().refine(isAbsolute, 'must be an absolute path'),
  handlerExport: z
    .string()
    .regex(/^[A-Za-z_$][\w$]*$/, 'must be an identifier')
    .optional(),
  timeoutSeconds: z.number().min(1).max(900),
  memoryMb: z.number().int().min(128).max(10240),
  runtime: z.string().regex(NODE_RUNTIME_PATTERN, 'must be a Node.js Lambda runtime (nodejs<major>.x)').optional(),
  environment: z.record(z.string().regex(/^[a-zA-Z]\w*$/, 'must be a valid variable name'), z.string()),
});

/** Rejects a spec Lambda itself would reject, naming the function and the field. */
export function validateFunctionSpecs(specs: readonly LambdaFunctionSpec[]): void {
  const seen = new Set<string>();
  for (const spec of specs) {
    const parsed = specSchema.safeParse(spec);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      throw new InvalidFunctionSpecError(`Function ${String(spec.id)} is invalid: ${issues}`);
    }
    if (seen.has(spec.id)) throw new InvalidFunctionSpecError(`Function ${spec.id} is declared twice`);
    seen.add(spec.id);
  }
}
