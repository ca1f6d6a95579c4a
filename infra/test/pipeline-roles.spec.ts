import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadPlan, type PlannedResource } from './support/terraform-plan';
import { workspaceRoot } from './support/workspace';

// infra/bootstrap gives GitHub Actions roles through OIDC instead of stored keys. A role trusts the token only
// when aud is sts.amazonaws.com and sub names this repository and one kind of job, exactly
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub,
// https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect).
// The workflows are read too: a job must present the sub its role trusts, or the deployment cannot sign in.
const plan = loadPlan('bootstrap');
const repository = plan.variable('github_repository') as string;
const OIDC = 'token.actions.githubusercontent.com';
const providerArn = `arn:aws:iam::${plan.variable('account_id') as string}:oidc-provider/${OIDC}`;

interface Statement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Principal?: unknown;
  readonly Action: string | string[];
  readonly Resource?: string | string[];
  readonly Condition?: Record<string, Record<string, unknown>>;
}
const statements = (json: unknown) => (JSON.parse(json as string) as { Statement: Statement[] }).Statement;
const role = (name: string) => plan.find('aws_iam_role', 'name', name);
const attachedTo = (name: string) =>
  plan
    .ofType('aws_iam_role_policy_attachment')
    .filter((attachment) => attachment.values.role === name)
    .map((attachment) => attachment.values.policy_arn);
/** The inline policies of a role, by its address (the role's name is only known after apply in `role`). */
const inlineOf = (resource: 'plan_state' | 'deploy', env: string): PlannedResource[] =>
  plan.ofType('aws_iam_role_policy').filter((policy) => policy.address === `aws_iam_role_policy.${resource}["${env}"]`);

interface Job {
  readonly environment?: string;
  readonly steps: { readonly uses?: string; readonly with?: Record<string, string> }[];
}
interface Workflow {
  readonly on: Record<string, { branches?: string[] }>;
  readonly jobs: Record<string, Job>;
}
const workflow = (file: string) =>
  parse(readFileSync(join(workspaceRoot, '.github', 'workflows', file), 'utf8')) as Workflow;
const roleAssumedBy = (job: Job) =>
  job.steps.find((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'))?.with?.['role-to-assume'];

describe('bootstrap: the GitHub OIDC provider', () => {
  it("is GitHub's issuer with the audience configure-aws-credentials asks for, and no pinned thumbprint", () => {
    const [provider] = plan.ofType('aws_iam_openid_connect_provider');
    expect(provider.values.url).toBe(`https://${OIDC}`);
    expect(provider.values.client_id_list).toEqual(['sts.amazonaws.com']);
    // IAM trusts GitHub's certificate through its root CAs (https://github.blog/changelog/2023-06-27-github-actions-update-on-oidc-integration-with-aws/).
    expect(provider.values.thumbprint_list ?? null).toBeNull();
  });
});

describe.each([
  ['harbor-github-plan-dev', 'pull_request'],
  ['harbor-github-plan-prod', 'pull_request'],
  ['harbor-github-deploy-dev', 'ref:refs/heads/main'],
  ['harbor-github-deploy-prod', 'environment:production'],
])('bootstrap: role %s', (name, subject) => {
  it(`trusts only ${subject} jobs of the repository, through the OIDC provider, with aud sts.amazonaws.com`, () => {
    expect(statements(role(name).values.assume_role_policy)).toEqual([
      {
        Sid: 'GitHubActions',
        Effect: 'Allow',
        Principal: { Federated: providerArn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { [`${OIDC}:aud`]: 'sts.amazonaws.com', [`${OIDC}:sub`]: `repo:${repository}:${subject}` },
        },
      },
    ]);
  });
});

describe('bootstrap: what the roles may do', () => {
  it.each(['dev', 'prod'])("plan role of %s: read-only, and of the state only its own environment's object", (env) => {
    expect(attachedTo(`harbor-github-plan-${env}`)).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    const granted = inlineOf('plan_state', env).flatMap((policy) => statements(policy.values.policy));
    expect(granted.flatMap((statement) => statement.Action)).toEqual(['s3:ListBucket', 's3:GetObject']);
    expect(granted[1].Resource).toEqual([
      `arn:aws:s3:::harbor-terraform-state-000000000000/envs/${env}/terraform.tfstate`,
    ]);
  });

  it.each(['dev', 'prod'])(
    "deploy role of %s: IAM only on the environment's own roles (harbor-%s-*), state and lock of its own key",
    (env) => {
      expect(attachedTo(`harbor-github-deploy-${env}`)).toEqual(['arn:aws:iam::aws:policy/PowerUserAccess']);
      const granted = inlineOf('deploy', env).flatMap((policy) => statements(policy.values.policy));
      const iam = granted.filter((statement) => [statement.Action].flat().some((action) => action.startsWith('iam:')));
      expect(iam.map((statement) => statement.Resource)).toEqual([[`arn:aws:iam::000000000000:role/harbor-${env}-*`]]);
      const s3Objects = granted
        .filter((statement) => [statement.Action].flat().includes('s3:PutObject'))
        .flatMap((statement) => statement.Resource);
      const keys = [`envs/${env}/terraform.tfstate`, `envs/${env}/terraform.tfstate.tflock`];
      expect(s3Objects).toEqual(keys.map((key) => `arn:aws:s3:::harbor-terraform-state-000000000000/${key}`));
    },
  );

  it('planned roles of the environments are all named harbor-<env>-…, so the deploy role can manage them', () => {
    for (const env of ['dev', 'prod']) {
      const names = loadPlan(`envs-${env}`)
        .ofType('aws_iam_role')
        .map((planned) => planned.values.name as string);
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((planned) => !planned.startsWith(`harbor-${env}-`))).toEqual([]);
    }
  });
});

describe('bootstrap: the workflows present the subject their role trusts', () => {
  it('pull requests plan with the plan roles (sub repo:…:pull_request: a plan job has no environment)', () => {
    const { on, jobs } = workflow('pull-request.yml');
    expect(Object.keys(on)).toEqual(['pull_request']);
    expect(jobs.plan.environment).toBeUndefined();
    expect(roleAssumedBy(jobs.plan)).toMatch(/:role\/harbor-github-plan-\$\{\{ matrix\.environment \}\}$/);
  });

  it('dev deploys on a push to main outside any environment (sub repo:…:ref:refs/heads/main)', () => {
    const { on, jobs } = workflow('deploy.yml');
    expect(on.push.branches).toEqual(['main']);
    expect(jobs.dev.environment).toBeUndefined();
    expect(roleAssumedBy(jobs.dev)).toMatch(/:role\/harbor-github-deploy-dev$/);
  });

  it('prod deploys in the production environment (sub repo:…:environment:production)', () => {
    const { jobs } = workflow('deploy.yml');
    expect(jobs.prod.environment).toBe('production');
    expect(roleAssumedBy(jobs.prod)).toMatch(/:role\/harbor-github-deploy-prod$/);
  });
});

describe('bootstrap: the state bucket', () => {
  it('keeps every version, encrypts, blocks public access and refuses requests without TLS', () => {
    expect(plan.ofType('aws_s3_bucket').map((bucket) => bucket.values.bucket)).toEqual([
      'harbor-terraform-state-000000000000',
    ]);
    expect(plan.ofType('aws_s3_bucket_versioning')[0].values.versioning_configuration).toEqual([
      expect.objectContaining({ status: 'Enabled' }),
    ]);
    expect(JSON.stringify(plan.ofType('aws_s3_bucket_server_side_encryption_configuration')[0].values.rule)).toContain(
      '"sse_algorithm":"aws:kms"',
    );
    const block = plan.ofType('aws_s3_bucket_public_access_block')[0].values;
    expect([
      block.block_public_acls,
      block.block_public_policy,
      block.ignore_public_acls,
      block.restrict_public_buckets,
    ]).toEqual([true, true, true, true]);
    const [tls] = statements(plan.ofType('aws_s3_bucket_policy')[0].values.policy);
    expect(tls).toMatchObject({
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
  });
});
