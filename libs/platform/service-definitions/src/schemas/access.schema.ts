import * as z from 'zod';

/** The command that derives every function's grants into apps/<service>/api/access.generated.json. */
export const IAM_COMMAND = 'npm run iam';
export const ACCESS_FILE_NAME = 'access.generated.json';

/**
 * What `actions:` in functions.yaml used to be: a function's grants are derived from the access descriptors
 * (`*.access.ts`) of the adapter methods its handler reaches, so one written by hand is refused, loudly.
 */
export const GrantsAreDerivedSchema = z
  .never({
    error:
      "grants are now derived from the adapters' access descriptors (*.access.ts): remove `actions` " +
      `(\`${IAM_COMMAND}\` writes them to ${ACCESS_FILE_NAME} beside this file)`,
  })
  .optional();

const TableGrantSchema = z.strictObject({
  table: z.string().min(1),
  actions: z.array(z.string().regex(/^dynamodb:[A-Za-z]+$/, { error: 'expected a dynamodb:<Action>' })).min(1),
  indexes: z.array(z.string().min(1)).default([]),
});

const ScheduleGrantSchema = z.strictObject({
  schedule: z.string().min(1),
  actions: z.array(z.string().regex(/^scheduler:[A-Za-z]+$/, { error: 'expected a scheduler:<Action>' })).min(1),
});

/** One function's grants as `npm run iam` derives them: the actions on each resource, and the adapter methods why. */
export const FunctionGrantsSchema = z.strictObject({
  tables: z.array(TableGrantSchema).default([]),
  topics: z.array(z.string().min(1)).default([]),
  buses: z.array(z.string().min(1)).default([]),
  connections: z.array(z.enum(['POST', 'GET', 'DELETE'])).default([]),
  schedules: z.array(ScheduleGrantSchema).default([]),
  /** `Adapter.method` (or `Adapter (wired)`) of every descriptor entry that contributed. */
  because: z.array(z.string()).default([]),
});
export type FunctionGrants = z.output<typeof FunctionGrantsSchema>;

/** apps/<service>/api/access.generated.json: written by `npm run iam`, read by Terraform and the loader. */
export const AccessFileSchema = z.strictObject({
  $comment: z.string().optional(),
  functions: z.record(z.string(), FunctionGrantsSchema).default({}),
});

/** A function the generated file does not list (not derived yet) is granted nothing. */
export const NO_GRANTS: FunctionGrants = {
  tables: [],
  topics: [],
  buses: [],
  connections: [],
  schedules: [],
  because: [],
};
