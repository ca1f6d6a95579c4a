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
  description = "Folder holding this service's Nx-built zips, <functionKey>.zip (dist/apps/catalog)."
  type        = string
}

variable "declarations_dir" {
  description = "Folder of the service's declarations (functions.yaml, tables.yaml, events.yaml, http-api.yaml); null reads apps/catalog/api."
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

variable "cognito_user_pool_id" {
  description = "Id of the environment's Cognito user pool: the HTTP API's JWT issuer; its resource server and app client are created in it. Required when http-api.yaml uses $${cognito_issuer_url}."
  type        = string
  default     = null
}

variable "cognito_user_pool_exists" {
  description = "Whether the environment has a user pool (passed in or created alongside). Set it when cognito_user_pool_id is an ARN's id known only after apply (the pool created in the same plan): counts and for_each are decided from it, not from the id. Null: from cognito_user_pool_id != null."
  type        = bool
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

variable "api_throttling" {
  description = "Burst and steady-state rate limits applied to every route of the HTTP API."
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
  description = "p99 latency of the API above which it alarms."
  type        = number
  default     = 3000
}
