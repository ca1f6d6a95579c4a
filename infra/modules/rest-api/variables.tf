variable "name" {
  description = "Physical API name (harbor-<env>-<service>); also prefixes its roles and log group."
  type        = string
}

variable "description" {
  description = "API description; null keeps the OpenAPI file's info.description."
  type        = string
  default     = null
}

variable "openapi_path" {
  description = "Path to the service's OpenAPI 3 file with x-amazon-apigateway-* extensions (apps/<service>/api/openapi.yaml)."
  type        = string

  validation {
    condition     = fileexists(var.openapi_path)
    error_message = "openapi_path does not exist."
  }
}

variable "template_variables" {
  description = <<-EOT
    Values for the file's $${...} placeholders, e.g. { lambda_invoke_arns = { placeOrder = "arn:..." }, cognito_user_pool_arn = "arn:..." }.
    The module adds region, topic_arns and sns_publish_role_arns itself.
  EOT
  type        = any
  default     = {}
}

variable "sns_publish_topic_arns" {
  description = "Topics SNS-direct routes publish to, by topic key: each gets a role API Gateway assumes that may only sns:Publish to it."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for arn in values(var.sns_publish_topic_arns) : can(regex("^arn:[a-z-]+:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]+$", arn))])
    error_message = "sns_publish_topic_arns values must be SNS topic ARNs."
  }
}

variable "lambda_function_names" {
  description = "Functions the API invokes (routes and authorizers), by function key: each gets a permission scoped to this API."
  type        = map(string)
  default     = {}
}

variable "endpoint_type" {
  description = "REGIONAL, EDGE or PRIVATE."
  type        = string
  default     = "REGIONAL"

  validation {
    condition     = contains(["REGIONAL", "EDGE", "PRIVATE"], var.endpoint_type)
    error_message = "endpoint_type must be REGIONAL, EDGE or PRIVATE."
  }
}

variable "stage_name" {
  description = "Name of the stage (the first path segment of the invoke URL)."
  type        = string
  default     = "v1"
}

variable "stage_variables" {
  description = "Stage variables ($stageVariables.<name> in mapping templates)."
  type        = map(string)
  default     = {}
}

variable "throttling_burst_limit" {
  description = "Burst limit of every method of the stage (requests)."
  type        = number
  default     = 100
}

variable "throttling_rate_limit" {
  description = "Steady-state rate limit of every method of the stage (requests per second)."
  type        = number
  default     = 50
}

variable "logging_level" {
  description = "Execution logging level of every method: OFF, ERROR or INFO."
  type        = string
  default     = "ERROR"

  validation {
    condition     = contains(["OFF", "ERROR", "INFO"], var.logging_level)
    error_message = "logging_level must be OFF, ERROR or INFO."
  }
}

variable "xray_tracing_enabled" {
  description = "Active X-Ray tracing on the stage."
  type        = bool
  default     = true
}

variable "log_retention_in_days" {
  description = "Retention of the access log group."
  type        = number
  default     = 14
}

variable "cloudwatch_logs_role_arn" {
  description = "The account's API Gateway CloudWatch Logs role (aws_api_gateway_account). Stage logging fails until it is set: passing it orders the stage after it."
  type        = string
  default     = null
}

variable "usage_plans" {
  description = "Usage plans by name with their quota, throttle and the API keys (by name) they issue. Routes opt in with an api_key security scheme."
  type = map(object({
    description = optional(string, "")
    quota = optional(object({
      limit  = number
      period = string
      offset = optional(number, 0)
    }))
    throttle = optional(object({
      burst_limit = number
      rate_limit  = number
    }))
    api_keys = optional(list(string), [])
  }))
  default = {}

  validation {
    condition     = alltrue([for plan in var.usage_plans : plan.quota == null || contains(["DAY", "WEEK", "MONTH"], try(plan.quota.period, ""))])
    error_message = "quota.period must be DAY, WEEK or MONTH."
  }
}

variable "account_id" {
  description = "AWS account id: role ARNs placed in the body are built locally so the body is known at plan time."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be 12 digits."
  }
}

variable "tags" {
  description = "Tags added to every resource of the module."
  type        = map(string)
  default     = {}
}
