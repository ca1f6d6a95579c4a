# The notifications stack: what every service deploys from apps/notifications/api (modules/service-stack: functions,
# the connections table, subscriptions to the orders topics with their dead-letter queues, alarms), plus its
# WebSocket API (api.tf) from websocket.yaml, whose @connections the pushing functions call.
locals {
  service          = "notifications"
  declarations_dir = coalesce(var.declarations_dir, "${path.module}/../../../apps/${local.service}/api")
  prefix           = module.service.name_prefix
  region           = module.service.region
  tags             = module.service.tags

  # What functions.yaml environment values may use, as the local cloud fills them: the environment's user pool
  # (issuer) and the app client its customers sign in with (audience).
  environment_placeholders = merge(
    { region = local.region, account_id = var.account_id },
    var.cognito_user_pool_id == null ? {} : { cognito_issuer_url = "https://cognito-idp.${local.region}.amazonaws.com/${var.cognito_user_pool_id}" },
    var.cognito_client_id == null ? {} : { cognito_client_id = var.cognito_client_id },
  )

  # The API the functions declaring `connections` call: only outputs that do not depend on the routes (which
  # integrate these very functions), so there is no cycle.
  connections_api = local.has_websocket_api ? {
    execution_arn        = module.websocket_api[0].execution_arn
    stage_name           = local.websocket_stage
    connections_endpoint = module.websocket_api[0].connections_endpoint
  } : null
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
  environment_placeholders  = local.environment_placeholders

  deployed_api_files = ["websocket.yaml"]
  api_references     = [for key in local.websocket_function_keys : { from = "websocket.yaml", function = key }]
  websocket_api      = local.connections_api

  log_retention_in_days          = var.log_retention_in_days
  point_in_time_recovery_enabled = var.point_in_time_recovery_enabled
  deletion_protection_enabled    = var.deletion_protection_enabled
  api_latency_p99_threshold_ms   = var.api_latency_p99_threshold_ms
  alarm_actions                  = var.alarm_actions
}

# Fails the plan, naming each culprit, rather than deploy part of what apps/notifications/api declares.
resource "terraform_data" "declarations" {
  input = local.service

  lifecycle {
    precondition {
      condition     = length(module.service.declaration_errors) == 0
      error_message = "apps/${local.service}/api declares references to things it does not declare:\n${join("\n", module.service.declaration_errors)}"
    }
  }
}
