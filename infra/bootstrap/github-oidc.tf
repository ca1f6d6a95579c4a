# GitHub Actions signs in with its OIDC token: one identity provider per account, a read-only plan role and a deploy
# role per environment, each trusting only this repository's jobs of one kind
# (https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services).
locals {
  oidc_host = "token.actions.githubusercontent.com"
  # The provider's ARN is fixed by its URL, so trust policies are known at plan even when it is created here.
  oidc_provider_arn = "arn:aws:iam::${var.account_id}:oidc-provider/${local.oidc_host}"
}

# No thumbprint: IAM verifies GitHub's certificate through its own trusted root CAs and ignores the thumbprint for
# this provider (https://github.blog/changelog/2023-06-27-github-actions-update-on-oidc-integration-with-aws/,
# https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc_verify-thumbprint.html).
resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_oidc_provider ? 1 : 0

  url            = "https://${local.oidc_host}"
  client_id_list = ["sts.amazonaws.com"]
}

# aud is what aws-actions/configure-aws-credentials asks for; sub names the repository and the kind of job
# (example subject claims:
# https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect).
# StringEquals, never StringLike with a wildcard: another branch, environment or repository gets nothing.
locals {
  trust = {
    for role, subject in merge(
      { for env in keys(var.environments) : "plan-${env}" => "pull_request" },
      { for env, settings in var.environments : "deploy-${env}" => settings.deploy_subject },
      ) : role => jsonencode({
        Version = "2012-10-17"
        Statement = [{
          Sid       = "GitHubActions"
          Effect    = "Allow"
          Principal = { Federated = local.oidc_provider_arn }
          Action    = "sts:AssumeRoleWithWebIdentity"
          Condition = {
            StringEquals = {
              "${local.oidc_host}:aud" = "sts.amazonaws.com"
              "${local.oidc_host}:sub" = "repo:${var.github_repository}:${subject}"
            }
          }
        }]
    })
  }
}

# ── plan: what a pull request's `terraform plan` needs, nothing it could change ──────────────────────────────
resource "aws_iam_role" "plan" {
  for_each = var.environments

  name                 = "harbor-github-plan-${each.key}"
  description          = "terraform plan of infra/envs/${each.key} from pull requests of ${var.github_repository}."
  assume_role_policy   = local.trust["plan-${each.key}"]
  max_session_duration = 3600
  depends_on           = [aws_iam_openid_connect_provider.github]
}

# Refreshing the plan reads every kind of resource the environment has; AWS's ReadOnlyAccess is the practical
# superset (judgement: it can read more than Harbor's resources, but it cannot change anything).
resource "aws_iam_role_policy_attachment" "plan_read_only" {
  for_each = var.environments

  role       = aws_iam_role.plan[each.key].name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

# The environment's state object only; plans run with -lock=false, so no lock object is written.
resource "aws_iam_role_policy" "plan_state" {
  for_each = var.environments

  name = "read-state"
  role = aws_iam_role.plan[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "ListStatePrefix"
        Effect    = "Allow"
        Action    = ["s3:ListBucket"]
        Resource  = [local.state_bucket_arn]
        Condition = { StringLike = { "s3:prefix" = ["envs/${each.key}/*"] } }
      },
      {
        Sid      = "ReadState"
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = ["${local.state_bucket_arn}/envs/${each.key}/terraform.tfstate"]
      },
    ]
  })
}

# ── deploy: terraform apply of one environment ─────────────────────────────────────────────────────────────────
resource "aws_iam_role" "deploy" {
  for_each = var.environments

  name                 = "harbor-github-deploy-${each.key}"
  description          = "terraform apply of infra/envs/${each.key} from ${var.github_repository} (${each.value.deploy_subject})."
  assume_role_policy   = local.trust["deploy-${each.key}"]
  max_session_duration = 3600
  depends_on           = [aws_iam_openid_connect_provider.github]
}

# Judgement, not least privilege: an apply creates, updates and deletes resources of a dozen services (API Gateway,
# Lambda, DynamoDB, SNS, SQS, EventBridge, Cognito, Secrets Manager, CloudWatch, Logs), and an action list written
# without a real account to prove it would break on the first resource type Terraform handles differently.
# PowerUserAccess grants everything outside IAM and Organizations; IAM, where privilege escalates, is granted
# below on this environment's role names only. Give each environment its own account so this reach stays in it.
resource "aws_iam_role_policy_attachment" "deploy_power_user" {
  for_each = var.environments

  role       = aws_iam_role.deploy[each.key].name
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}

resource "aws_iam_role_policy" "deploy" {
  for_each = var.environments

  name = "deploy-${each.key}"
  role = aws_iam_role.deploy[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        # The functions' roles, API Gateway's logs role and the SNS-direct roles: all named harbor-<env>-…
        Sid    = "EnvironmentRoles"
        Effect = "Allow"
        Action = [
          "iam:CreateRole", "iam:DeleteRole", "iam:GetRole", "iam:UpdateRole", "iam:UpdateAssumeRolePolicy",
          "iam:TagRole", "iam:UntagRole", "iam:ListRoleTags", "iam:PutRolePolicy", "iam:GetRolePolicy",
          "iam:DeleteRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies",
          "iam:ListInstanceProfilesForRole", "iam:PassRole",
        ]
        Resource = ["arn:aws:iam::${var.account_id}:role/harbor-${each.key}-*"]
      },
      {
        Sid       = "ListStatePrefix"
        Effect    = "Allow"
        Action    = ["s3:ListBucket"]
        Resource  = [local.state_bucket_arn]
        Condition = { StringLike = { "s3:prefix" = ["envs/${each.key}/*"] } }
      },
      {
        Sid      = "ReadWriteState"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject"]
        Resource = ["${local.state_bucket_arn}/envs/${each.key}/terraform.tfstate"]
      },
      {
        Sid      = "StateLock"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
        Resource = ["${local.state_bucket_arn}/envs/${each.key}/terraform.tfstate.tflock"]
      },
    ]
  })
}
