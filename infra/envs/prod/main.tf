# The prod environment: more memory where latency matters, higher throttles, long log retention, point-in-time
# recovery and deletion protection.
provider "aws" {
  region              = var.region
  allowed_account_ids = [var.account_id]

  default_tags {
    tags = {
      Project     = "harbor"
      Environment = "prod"
      ManagedBy   = "terraform"
    }
  }
}

module "system" {
  source = "../../system"

  environment           = "prod"
  account_id            = var.account_id
  artifacts_dir         = coalesce(var.artifacts_dir, "${path.root}/../../../dist/apps")
  cognito_user_pool_arn = var.cognito_user_pool_arn
  secret_environment    = var.secret_environment
  alarm_actions         = var.alarm_actions

  manage_api_gateway_account = var.manage_api_gateway_account

  function_memory_overrides    = { orders = { placeOrder = 512, cancelOrder = 512 } }
  log_retention_in_days        = 90
  api_throttling               = { burst_limit = 500, rate_limit = 200 }
  rest_api_logging_level       = "ERROR"
  api_latency_p99_threshold_ms = 1500
  payment_provider_limits      = { throttle = { burst_limit = 100, rate_limit = 50 }, quota = { limit = 1000000, period = "DAY" } }
  data_protection_enabled      = true
}
