variable "service" {
  description = "Service name: its declarations are apps/<service>/api, its functions harbor-<environment>-<service>-<key>."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}$", var.service))
    error_message = "service must be 2-31 lowercase letters, digits or dashes, starting with a letter."
  }
}

variable "environment" {
  description = "Environment name: physical names are harbor-<environment>-<logical name>."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,11}$", var.environment))
    error_message = "environment must be 2-12 lowercase letters or digits, starting with a letter."
  }
}

variable "account_id" {
  description = "AWS account id (ARNs are built locally so policies and the API body are known at plan time)."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be 12 digits."
  }
}

variable "artifacts_dir" {
  description = "Folder holding the service's Nx-built zips, <functionKey>.zip (dist/apps/<service>)."
  type        = string
}

variable "declarations_dir" {
  description = "Folder of the service's declarations (functions.yaml, tables.yaml, events.yaml and its API files); null reads apps/<service>/api."
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
  description = "Retention of every function's log group."
  type        = number
}

variable "point_in_time_recovery_enabled" {
  description = "Point-in-time recovery on every table."
  type        = bool
}

variable "deletion_protection_enabled" {
  description = "Deletion protection on every table."
  type        = bool
}

variable "deployed_api_files" {
  description = "API files of the declarations folder that the calling stack deploys (openapi.yaml, http-api.yaml, websocket.yaml); any other one present is a declaration error."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for file in var.deployed_api_files : contains(["openapi.yaml", "http-api.yaml", "websocket.yaml"], file)])
    error_message = "deployed_api_files may only list openapi.yaml, http-api.yaml and websocket.yaml."
  }
}

variable "api_references" {
  description = "Functions and topics the service's API refers to (from = the file), checked against the declarations like every other reference."
  type = list(object({
    from     = string
    function = optional(string)
    topic    = optional(string)
  }))
  default = []
}

variable "rest_apis" {
  description = "The service's REST API stages by key (api_name, stage_name): each gets 5xx-rate and p99-latency alarms and a dashboard widget."
  type        = map(object({ api_name = string, stage_name = string }))
  default     = {}
}

variable "http_apis" {
  description = "The service's HTTP API ids by key: each gets 5xx-rate and p99-latency alarms and a dashboard widget."
  type        = map(string)
  default     = {}
}

variable "environment_placeholders" {
  description = "Values of the `$${...}` placeholders functions.yaml environment values may use (cognito_issuer_url, cognito_client_id, region, account_id), as the local cloud fills them; a placeholder without a value is a declaration error."
  type        = map(string)
  default     = {}
}

variable "websocket_api" {
  description = "The service's WebSocket API (websocket.yaml), deployed by the calling stack: functions declaring `connections` get execute-api:ManageConnections on its stage's @connections (their methods only) and AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI = connections_endpoint."
  type = object({
    execution_arn        = string
    stage_name           = string
    connections_endpoint = string
  })
  default = null
}

variable "alarm_actions" {
  description = "ARNs notified by the service's alarms."
  type        = list(string)
  default     = []
}

variable "api_latency_p99_threshold_ms" {
  description = "p99 latency of the service's APIs above which they alarm."
  type        = number
  default     = 3000
}
