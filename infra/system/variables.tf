variable "environment" {
  description = "Environment name (dev, prod): physical names are harbor-<environment>-<logical name>."
  type        = string
}

variable "account_id" {
  description = "AWS account of the environment; ARNs are built from it."
  type        = string
}

variable "artifacts_dir" {
  description = "Folder of the Nx build output holding <service>/<functionKey>.zip."
  type        = string
}

variable "cognito_user_pool_arn" {
  description = "Existing user pool the orders, inventory and notifications APIs trust; null creates one in the orders stack."
  type        = string
  default     = null
}

variable "secret_environment" {
  description = "Secret environment variables by service and function key (see infra/README.md)."
  type        = map(map(map(string)))
  default     = {}
  sensitive   = true
}

variable "alarm_actions" {
  description = "ARNs notified by every alarm besides the platform's harbor-<env>-alarms topic (an on-call tool's topic, for example)."
  type        = list(string)
  default     = []
}

variable "log_retention_in_days" {
  description = "Retention of every log group (functions, API access and execution logs)."
  type        = number
}

variable "api_throttling" {
  description = "Burst and steady-state rate limits of every REST API method, HTTP API route and WebSocket API route."
  type        = object({ burst_limit = number, rate_limit = number })
}

variable "rest_api_logging_level" {
  description = "Execution logging level of the REST APIs (OFF, ERROR or INFO)."
  type        = string
}

variable "api_latency_p99_threshold_ms" {
  description = "p99 latency above which an API alarms."
  type        = number
}

variable "function_memory_overrides" {
  description = "Memory in MB by service and function key, replacing functions.yaml's memoryMb."
  type        = map(map(number))
  default     = {}
}

variable "payment_provider_limits" {
  description = "Throttle and quota of the orders REST API's usage plan `payment-provider` (its webhook's API key)."
  type = object({
    throttle = object({ burst_limit = number, rate_limit = number })
    quota    = object({ limit = number, period = string })
  })
}

variable "data_protection_enabled" {
  description = "Point-in-time recovery and deletion protection of every table (and of the user pool, if created)."
  type        = bool
}

variable "manage_api_gateway_account" {
  description = "Own the account's API Gateway CloudWatch Logs role setting (one per account and region): false in all but one of the environments sharing an account."
  type        = bool
  default     = true
}
