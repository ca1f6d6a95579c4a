# The dev environment: small functions, low throttles, short log retention, no deletion protection.
provider "aws" {
  region              = var.region
  allowed_account_ids = [var.account_id]

  default_tags {
    tags = {
      Project     = "harbor"
      Environment = local.environment
      ManagedBy   = "terraform"
    }
  }
}

locals {
  environment   = "dev"
  artifacts_dir = coalesce(var.artifacts_dir, "${path.root}/../../../dist/apps")
}

module "platform" {
  source = "../../services/platform"

  environment = local.environment
  account_id  = var.account_id
}

module "orders" {
  source = "../../services/orders"

  environment              = local.environment
  account_id               = var.account_id
  artifacts_dir            = "${local.artifacts_dir}/orders"
  event_bus_name           = module.platform.event_bus_name
  cloudwatch_logs_role_arn = module.platform.api_gateway_cloudwatch_logs_role_arn
  cognito_user_pool_arn    = var.cognito_user_pool_arn
  secret_environment       = lookup(var.secret_environment, "orders", {})

  log_retention_in_days = 7
  api_throttling        = { burst_limit = 20, rate_limit = 10 }
  api_logging_level     = "INFO"

  # Routes with an api_key security scheme (POST /payments/webhook) accept the keys of these plans.
  api_usage_plans = {
    payment-provider = {
      description = "The payment provider's webhook notifications."
      throttle    = { burst_limit = 10, rate_limit = 5 }
      quota       = { limit = 10000, period = "DAY" }
      api_keys    = ["payment-provider"]
    }
  }

  point_in_time_recovery_enabled = false
  deletion_protection_enabled    = false
  alarm_actions                  = var.alarm_actions
}

module "inventory" {
  source = "../../services/inventory"

  environment        = local.environment
  account_id         = var.account_id
  artifacts_dir      = "${local.artifacts_dir}/inventory"
  event_bus_name     = module.platform.event_bus_name
  secret_environment = lookup(var.secret_environment, "inventory", {})
  # One user pool per environment: the one orders trusts (var.cognito_user_pool_arn, or the one orders creates).
  cognito_user_pool_id = module.orders.cognito_user_pool_id

  log_retention_in_days = 7
  api_throttling        = { burst_limit = 20, rate_limit = 10 }

  point_in_time_recovery_enabled = false
  deletion_protection_enabled    = false
  alarm_actions                  = var.alarm_actions
}
