# environment, account_id and the service's declarations are validated by modules/service-stack.
variable "environment" {
  description = "Environment name: physical names are harbor-<environment>-<logical name>."
  type        = string
}

variable "account_id" {
  description = "AWS account id (ARNs are built locally so policies are known at plan time)."
  type        = string
}

variable "artifacts_dir" {
  description = "Folder holding this service's Nx-built zips, <functionKey>.zip (dist/apps/notifications)."
  type        = string
}

variable "declarations_dir" {
  description = "Folder of the service's declarations (functions.yaml, tables.yaml, events.yaml, websocket.yaml); null reads apps/notifications/api."
  type        = string
  default     = null
}

variable "event_bus_name" {
  description = "Name of the environment's custom event bus (platform stack output)."
  type        = string
}

variable "external_topic_arns" {
  description = "ARNs of topics other services own, by topic key (order-status and payment-events of the orders stack), for this service's subscriptions."
  type        = map(string)
  default     = {}
}

variable "cognito_user_pool_id" {
  description = "Id of the environment's Cognito user pool: $${cognito_issuer_url} of functions.yaml is its issuer (the $connect authorizer's)."
  type        = string
  default     = null
}

variable "cognito_client_id" {
  description = "App client customers sign in with: $${cognito_client_id} of functions.yaml (the audience the $connect authorizer accepts)."
  type        = string
  default     = null
}

variable "cloudwatch_logs_role_arn" {
  description = "The account's API Gateway CloudWatch Logs role (platform stack output): the WebSocket stage is created after it."
  type        = string
  default     = null
}

variable "secret_environment" {
  description = "Values of the functions' secret environment variables (declared names ending in _SECRET, _PASSWORD or _TOKEN) by function key. functions.yaml holds the local cloud's values, which never reach AWS: feed this from Secrets Manager."
  type        = map(map(string))
  default     = {}
  sensitive   = true
}

variable "function_memory_overrides" {
  description = "Memory in MB by function key, replacing functions.yaml's memoryMb in this environment."
  type        = map(number)
  default     = {}
}

variable "log_retention_in_days" {
  description = "Retention of every log group of the service (functions and the WebSocket API's access logs)."
  type        = number
}

variable "api_throttling" {
  description = "Burst and steady-state rate limits of every route of the WebSocket API."
  type = object({
    burst_limit = number
    rate_limit  = number
  })
}

variable "point_in_time_recovery_enabled" {
  description = "Point-in-time recovery on every table."
  type        = bool
}

variable "deletion_protection_enabled" {
  description = "Deletion protection on every table."
  type        = bool
}

variable "alarm_actions" {
  description = "ARNs notified by the service's alarms."
  type        = list(string)
  default     = []
}

variable "api_latency_p99_threshold_ms" {
  description = "p99 latency above which the service's APIs alarm (its WebSocket API has no latency alarm yet)."
  type        = number
  default     = 3000
}
