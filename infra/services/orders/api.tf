locals {
  uses_cognito     = strcontains(local.openapi_text, "$${cognito_user_pool_arn}")
  create_user_pool = local.uses_cognito && var.cognito_user_pool_arn == null
  user_pool_arn    = local.create_user_pool ? aws_cognito_user_pool.this[0].arn : var.cognito_user_pool_arn
  user_pool_id     = local.create_user_pool ? aws_cognito_user_pool.this[0].id : try(element(split("/", var.cognito_user_pool_arn), 1), null)
}

resource "aws_cognito_user_pool" "this" {
  count = local.create_user_pool ? 1 : 0

  name                     = "${local.prefix}-${local.service}"
  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]
  deletion_protection      = var.deletion_protection_enabled ? "ACTIVE" : "INACTIVE"

  password_policy {
    minimum_length                   = 12
    require_lowercase                = true
    require_uppercase                = true
    require_numbers                  = true
    require_symbols                  = false
    temporary_password_validity_days = 3
  }

  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }

  tags = local.tags
}

resource "aws_cognito_user_pool_client" "this" {
  count = local.uses_cognito ? 1 : 0

  name            = "${local.prefix}-${local.service}-web"
  user_pool_id    = local.user_pool_id
  generate_secret = false
  # SRP for customers' apps; ADMIN_USER_PASSWORD_AUTH for operators and the pipeline's smoke test, which sign test
  # users in with AdminInitiateAuth: that call needs IAM credentials (cognito-idp:AdminInitiateAuth), so it opens
  # nothing to the internet, unlike USER_PASSWORD_AUTH
  # (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html).
  explicit_auth_flows           = ["ALLOW_USER_SRP_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
  prevent_user_existence_errors = "ENABLED"
}

# A created pool gets a Cognito domain: its /oauth2/token endpoint is where the inventory app client's client
# credentials grant gets tokens, and that grant needs a domain
# (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html). Prefixes are unique per region,
# hence the account id. An existing pool brings its own domain, or none.
resource "aws_cognito_user_pool_domain" "this" {
  count = local.create_user_pool ? 1 : 0

  domain       = "${local.prefix}-${var.account_id}"
  user_pool_id = aws_cognito_user_pool.this[0].id
}

module "rest_api" {
  source = "../../modules/rest-api"
  count  = local.has_rest_api ? 1 : 0

  name         = "${local.prefix}-${local.service}"
  description  = "The ${local.service} REST API, deployed from apps/${local.service}/api/openapi.yaml."
  openapi_path = local.openapi_path
  account_id   = var.account_id
  template_variables = merge(
    { lambda_invoke_arns = { for key, function in module.service.functions : key => function.invoke_arn } },
    local.uses_cognito ? { cognito_user_pool_arn = local.user_pool_arn } : {},
  )
  # Own topics through the service module's output, so SNS-direct routes are created after their topic.
  sns_publish_topic_arns = { for key in local.api_topic_keys : key => local.topic_arns[key] }
  lambda_function_names  = { for key in local.api_function_keys : key => module.service.functions[key].function_name }

  stage_name               = var.api_stage_name
  stage_variables          = { environment = var.environment }
  throttling_burst_limit   = var.api_throttling.burst_limit
  throttling_rate_limit    = var.api_throttling.rate_limit
  logging_level            = var.api_logging_level
  log_retention_in_days    = var.log_retention_in_days
  usage_plans              = var.api_usage_plans
  cloudwatch_logs_role_arn = var.cloudwatch_logs_role_arn
  tags                     = local.tags
}
