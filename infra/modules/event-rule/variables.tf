variable "name" {
  description = "Physical rule name (harbor-<env>-<service>-<rule name>); also names the dead-letter queue."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9._-]{1,64}$", var.name))
    error_message = "name must be 1-64 letters, digits, dots, hyphens or underscores."
  }
}

variable "description" {
  description = "Rule description."
  type        = string
  default     = ""
}

variable "event_bus_name" {
  description = "Name of the custom event bus the rule listens on (harbor-<env>-events)."
  type        = string
}

variable "event_pattern" {
  description = "Event pattern as JSON (jsonencode it), with the same semantics the local cloud's matcher implements."
  type        = string

  validation {
    condition     = can(jsondecode(var.event_pattern))
    error_message = "event_pattern must be a JSON document."
  }
}

variable "function_arn" {
  description = "ARN of the target function."
  type        = string
}

variable "function_name" {
  description = "Name of the target function (for the invoke permission)."
  type        = string
}

variable "retry_policy" {
  description = "How long and how often EventBridge retries delivery to the function."
  type = object({
    maximum_retry_attempts       = optional(number, 185)
    maximum_event_age_in_seconds = optional(number, 86400)
  })
  default = {}

  validation {
    condition = (
      var.retry_policy.maximum_retry_attempts >= 0 && var.retry_policy.maximum_retry_attempts <= 185 &&
      var.retry_policy.maximum_event_age_in_seconds >= 60 && var.retry_policy.maximum_event_age_in_seconds <= 86400
    )
    error_message = "maximum_retry_attempts must be 0-185 and maximum_event_age_in_seconds 60-86400."
  }
}

variable "dead_letter_queue" {
  description = "Create an SQS dead-letter queue for events EventBridge could not deliver."
  type        = bool
  default     = true
}

variable "dead_letter_queue_message_retention_seconds" {
  description = "How long undelivered events stay in the dead-letter queue."
  type        = number
  default     = 1209600
}

variable "account_id" {
  description = "AWS account id: the rule and queue ARNs are built locally so policies are known at plan time."
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
