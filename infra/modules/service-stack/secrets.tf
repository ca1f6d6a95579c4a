# The secrets the service owns (functions.yaml `secrets`): created here without a value, which an operator puts with
# `aws secretsmanager put-secret-value` (infra/README.md), so no value ever sits in a file, a plan or the functions'
# configuration. A function that reads one gets its name in the declared variable and may read only that secret.
locals {
  declared_secrets  = try(local.functions_file.secrets, {})
  secret_full_names = { for key in keys(local.declared_secrets) : key => "${local.prefix}-${local.service}-${key}" }
  secret_uses = {
    for key, function in local.functions : key => [for use in try(function.secrets, []) : use if contains(keys(local.declared_secrets), use.secret)]
  }
  # Secrets Manager appends six random characters to a secret's ARN: "-??????" matches them and nothing longer
  # (https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_iam-policies.html), so the grant is
  # known at plan time yet names exactly this secret.
  secret_statements = {
    for key, uses in local.secret_uses : key => [
      for index, use in uses : {
        sid       = "ReadSecret${index}${replace(title(replace(use.secret, "/[^A-Za-z0-9]+/", " ")), " ", "")}"
        actions   = ["secretsmanager:GetSecretValue"]
        resources = ["${local.arn_prefix}:secretsmanager:${local.region_account}:secret:${local.secret_full_names[use.secret]}-??????"]
      }
    ]
  }
  secret_name_environments = {
    for key, uses in local.secret_uses : key => { for use in uses : use.env => local.secret_full_names[use.secret] }
  }
}

resource "aws_secretsmanager_secret" "this" {
  for_each = local.declared_secrets

  name        = local.secret_full_names[each.key]
  description = each.value.description
  # A deleted secret keeps its name for its recovery window, and creating one with that name fails until the window
  # ends (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html): an environment
  # without data protection (dev) is destroyed and applied again, so its secrets go at once; prod keeps 30 days.
  recovery_window_in_days = var.deletion_protection_enabled ? 30 : 0
  tags                    = local.tags
}
