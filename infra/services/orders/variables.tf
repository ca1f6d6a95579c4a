# environment, account_id and the service's declarations are validated by modules/service-stack.
variable "environment" {
  description = "Environment name: physical names are harbor-<environment>-<logical name>."
  type        = string
}

variable "account_id" {
  description = "AWS account id (ARNs are built locally so policies and the API body are known at plan time)."
  type        = string
}

variable "artifacts_dir" {
  description = "Folder holding this service's Nx-built zips, <functionKey>.zip (dist/apps/orders)."
  type        = string
}

variable "declarations_dir" {
  description = "Folder of the service's declarations (functions.yaml, tables.yaml, events.yaml, openapi.yaml); null reads apps/orders/api."
  type        = string
  default     = null
}

variable "event_bus_name" {
  description = "Name of the environment's custom event bus (platform stack output)."
  type        = string
}

variable "external_topic_arns" {
  description = "ARNs of topics other services own, by topic key, for this service's subscriptions and publishers."
  type        = map(string)
  default     = {}
}

variable "cloudwatch_logs_role_arn" {
  description = "The account's API Gateway CloudWatch Logs role (platform stack output); orders the API stage after it."
  type        = string
  default     = null
}

variable "cognito_user_pool_arn" {
  description = "Existing Cognito user pool the REST API trusts; null creates one (with a web client) in this stack."
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
  description = "Retention of every log group of the service (functions and API access logs)."
  type        = number
}

variable "api_stage_name" {
  description = "Stage name of the REST API."
  type        = string
  default     = "v1"
}

variable "api_throttling" {
  description = "Burst and steady-state rate limits applied to every method of the REST API."
  type = object({
    burst_limit = number
    rate_limit  = number
  })
}

variable "api_logging_level" {
  description = "Execution logging level of the REST API (OFF, ERROR or INFO)."
  type        = string
  default     = "ERROR"
}

variable "api_usage_plans" {
  description = "Usage plans and API keys of the REST API (see the rest-api module)."
  type = map(object({
    description = optional(string, "")
    quota       = optional(object({ limit = number, period = string, offset = optional(number, 0) }))
    throttle    = optional(object({ burst_limit = number, rate_limit = number }))
    api_keys    = optional(list(string), [])
  }))
  default = {}
}

variable "point_in_time_recovery_enabled" {
  description = "Point-in-time recovery on every table."
  type        = bool
}

variable "deletion_protection_enabled" {
  description = "Deletion protection on every table and the user pool."
  type        = bool
}

variable "alarm_actions" {
  description = "ARNs notified by the service's alarms."
  type        = list(string)
  default     = []
}

variable "api_latency_p99_threshold_ms" {
  description = "p99 latency of the API above which it alarms."
  type        = number
  default     = 3000
}
