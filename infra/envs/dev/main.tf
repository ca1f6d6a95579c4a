# The dev environment: small functions, low throttles, short log retention, no deletion protection.
provider "aws" {
  region              = var.region
  allowed_account_ids = [var.account_id]

  default_tags {
    tags = {
      Project     = "harbor"
      Environment = "dev"
      ManagedBy   = "terraform"
    }
  }
}

module "system" {
  source = "../../system"

  environment           = "dev"
  account_id            = var.account_id
  artifacts_dir         = coalesce(var.artifacts_dir, "${path.root}/../../../dist/apps")
  cognito_user_pool_arn = var.cognito_user_pool_arn
  secret_environment    = var.secret_environment
  alarm_actions         = var.alarm_actions

  manage_api_gateway_account = var.manage_api_gateway_account

  log_retention_in_days        = 7
  api_throttling               = { burst_limit = 20, rate_limit = 10 }
  rest_api_logging_level       = "INFO"
  api_latency_p99_threshold_ms = 3000
  payment_provider_limits      = { throttle = { burst_limit = 10, rate_limit = 5 }, quota = { limit = 10000, period = "DAY" } }
  data_protection_enabled      = false
}
