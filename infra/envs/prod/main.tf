# The prod environment: more memory where latency matters, higher throttles, long log retention, point-in-time
# recovery and deletion protection.
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
  environment   = "prod"
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

  function_memory_overrides    = { placeOrder = 512, cancelOrder = 512 }
  log_retention_in_days        = 90
  api_throttling               = { burst_limit = 500, rate_limit = 200 }
  api_logging_level            = "ERROR"
  api_latency_p99_threshold_ms = 1500

  # Routes with an api_key security scheme (POST /payments/webhook) accept the keys of these plans.
  api_usage_plans = {
    payment-provider = {
      description = "The payment provider's webhook notifications."
      throttle    = { burst_limit = 100, rate_limit = 50 }
      quota       = { limit = 1000000, period = "DAY" }
      api_keys    = ["payment-provider"]
    }
  }

  point_in_time_recovery_enabled = true
  deletion_protection_enabled    = true
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

  log_retention_in_days        = 90
  api_throttling               = { burst_limit = 500, rate_limit = 200 }
  api_latency_p99_threshold_ms = 1500

  point_in_time_recovery_enabled = true
  deletion_protection_enabled    = true
  alarm_actions                  = var.alarm_actions
}
