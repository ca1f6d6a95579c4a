# The inventory stack: what every service deploys from apps/inventory/api (modules/service-stack), plus its HTTP
# API (api.tf) built route by route from http-api.yaml, and the Cognito resource server its scopes need.
locals {
  service          = "inventory"
  declarations_dir = coalesce(var.declarations_dir, "${path.module}/../../../apps/${local.service}/api")
  http_api_path    = "${local.declarations_dir}/http-api.yaml"
  prefix           = module.service.name_prefix
  region           = module.service.region
  tags             = module.service.tags

  # Known at plan time even when the pool is created in the same apply (its id is then unknown until apply).
  has_cognito_user_pool = var.cognito_user_pool_exists != null ? var.cognito_user_pool_exists : var.cognito_user_pool_id != null
}

module "service" {
  source = "../../modules/service-stack"

  service                   = local.service
  environment               = var.environment
  account_id                = var.account_id
  artifacts_dir             = var.artifacts_dir
  declarations_dir          = local.declarations_dir
  event_bus_name            = var.event_bus_name
  external_topic_arns       = var.external_topic_arns
  secret_environment        = var.secret_environment
  function_memory_overrides = var.function_memory_overrides

  deployed_api_files = ["http-api.yaml"]
  http_apis          = module.http.deployed ? { (local.service) = module.http.api_id } : {}

  log_retention_in_days          = var.log_retention_in_days
  point_in_time_recovery_enabled = var.point_in_time_recovery_enabled
  deletion_protection_enabled    = var.deletion_protection_enabled
  api_latency_p99_threshold_ms   = var.api_latency_p99_threshold_ms
  alarm_actions                  = var.alarm_actions
}
