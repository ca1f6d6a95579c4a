# Harbor in one environment: the platform (event bus, API Gateway's logs role) and every service stack, wired
# together once. envs/<env> call this with their backend, provider and sizes; nothing here differs between them.
locals {
  # The environment's own alarms topic first, then whatever the environment adds (an on-call tool's topic).
  alarm_actions = concat([module.platform.alarm_topic_arn], var.alarm_actions)
}

module "platform" {
  source = "../services/platform"

  environment                = var.environment
  account_id                 = var.account_id
  manage_api_gateway_account = var.manage_api_gateway_account
}

module "orders" {
  source = "../services/orders"

  environment               = var.environment
  account_id                = var.account_id
  artifacts_dir             = "${var.artifacts_dir}/orders"
  event_bus_name            = module.platform.event_bus_name
  cloudwatch_logs_role_arn  = module.platform.api_gateway_cloudwatch_logs_role_arn
  cognito_user_pool_arn     = var.cognito_user_pool_arn
  secret_environment        = lookup(var.secret_environment, "orders", {})
  function_memory_overrides = lookup(var.function_memory_overrides, "orders", {})

  log_retention_in_days        = var.log_retention_in_days
  api_throttling               = var.api_throttling
  api_logging_level            = var.rest_api_logging_level
  api_latency_p99_threshold_ms = var.api_latency_p99_threshold_ms

  # Routes with an api_key security scheme (POST /payments/webhook) accept the keys of these plans.
  api_usage_plans = {
    payment-provider = {
      description = "The payment provider's webhook notifications."
      throttle    = var.payment_provider_limits.throttle
      quota       = var.payment_provider_limits.quota
      api_keys    = ["payment-provider"]
    }
  }

  point_in_time_recovery_enabled = var.data_protection_enabled
  deletion_protection_enabled    = var.data_protection_enabled
  alarm_actions                  = local.alarm_actions
}

module "inventory" {
  source = "../services/inventory"

  environment               = var.environment
  account_id                = var.account_id
  artifacts_dir             = "${var.artifacts_dir}/inventory"
  event_bus_name            = module.platform.event_bus_name
  secret_environment        = lookup(var.secret_environment, "inventory", {})
  function_memory_overrides = lookup(var.function_memory_overrides, "inventory", {})
  # One user pool per environment: the one orders trusts (var.cognito_user_pool_arn, or the one orders creates).
  cognito_user_pool_id = module.orders.cognito_user_pool_id
  # Orders always has one (passed or created): decided here so the plan never waits on the created pool's id.
  cognito_user_pool_exists = true

  log_retention_in_days        = var.log_retention_in_days
  api_throttling               = var.api_throttling
  api_latency_p99_threshold_ms = var.api_latency_p99_threshold_ms

  point_in_time_recovery_enabled = var.data_protection_enabled
  deletion_protection_enabled    = var.data_protection_enabled
  alarm_actions                  = local.alarm_actions
}

module "notifications" {
  source = "../services/notifications"

  environment               = var.environment
  account_id                = var.account_id
  artifacts_dir             = "${var.artifacts_dir}/notifications"
  event_bus_name            = module.platform.event_bus_name
  cloudwatch_logs_role_arn  = module.platform.api_gateway_cloudwatch_logs_role_arn
  secret_environment        = lookup(var.secret_environment, "notifications", {})
  function_memory_overrides = lookup(var.function_memory_overrides, "notifications", {})
  # It subscribes to topics the orders stack owns (order-status, payment-events).
  external_topic_arns = module.orders.topic_arns
  # The $connect authorizer trusts the environment's user pool and the app client customers sign in with.
  cognito_user_pool_id = module.orders.cognito_user_pool_id
  cognito_client_id    = module.orders.cognito_user_pool_client_id

  log_retention_in_days        = var.log_retention_in_days
  api_throttling               = var.api_throttling
  api_latency_p99_threshold_ms = var.api_latency_p99_threshold_ms

  point_in_time_recovery_enabled = var.data_protection_enabled
  deletion_protection_enabled    = var.data_protection_enabled
  alarm_actions                  = local.alarm_actions
}

module "catalog" {
  source = "../services/catalog"

  environment               = var.environment
  account_id                = var.account_id
  artifacts_dir             = "${var.artifacts_dir}/catalog"
  event_bus_name            = module.platform.event_bus_name
  secret_environment        = lookup(var.secret_environment, "catalog", {})
  function_memory_overrides = lookup(var.function_memory_overrides, "catalog", {})
  # One user pool per environment: the one orders trusts (var.cognito_user_pool_arn, or the one orders creates).
  cognito_user_pool_id = module.orders.cognito_user_pool_id
  # Orders always has one (passed or created): decided here so the plan never waits on the created pool's id.
  cognito_user_pool_exists = true

  log_retention_in_days        = var.log_retention_in_days
  api_throttling               = var.api_throttling
  api_latency_p99_threshold_ms = var.api_latency_p99_threshold_ms

  point_in_time_recovery_enabled = var.data_protection_enabled
  deletion_protection_enabled    = var.data_protection_enabled
  alarm_actions                  = local.alarm_actions
}
