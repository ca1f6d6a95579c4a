variable "name" {
  description = "Physical topic name (harbor-<env>-<topic key>). Required when create_topic is true."
  type        = string
  default     = null

  validation {
    condition     = !var.create_topic || var.name != null
    error_message = "name is required when create_topic is true."
  }
}

variable "create_topic" {
  description = "Create the topic; false subscribes to an existing topic (topic_arn), e.g. one another service owns."
  type        = bool
  default     = true
}

variable "topic_arn" {
  description = "ARN of the existing topic to subscribe to when create_topic is false."
  type        = string
  default     = null

  validation {
    condition     = var.create_topic ? var.topic_arn == null : can(regex("^arn:[a-z-]+:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]+$", var.topic_arn))
    error_message = "topic_arn must be an SNS topic ARN when create_topic is false, and null when it is true."
  }
}

variable "account_id" {
  description = "AWS account id: the topic ARN is built locally so policies are known at plan time."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be 12 digits."
  }
}

variable "kms_master_key_id" {
  description = "KMS key for server-side encryption of the topic, or null for none."
  type        = string
  default     = null
}

variable "subscriptions" {
  description = <<-EOT
    Lambda subscriptions by name (unique per topic; prefixes the DLQ name). filter_policy is the JSON policy (jsonencode it),
    filter_policy_scope MessageAttributes or MessageBody. A dead-letter queue with a redrive policy is created unless disabled,
    named dead_letter_queue_name or <topic name>-<subscription name>-dlq.
  EOT
  type = map(object({
    function_arn           = string
    function_name          = string
    filter_policy          = optional(string)
    filter_policy_scope    = optional(string, "MessageAttributes")
    raw_message_delivery   = optional(bool, false)
    dead_letter_queue      = optional(bool, true)
    dead_letter_queue_name = optional(string)
  }))
  default = {}

  validation {
    condition     = alltrue([for s in var.subscriptions : contains(["MessageAttributes", "MessageBody"], s.filter_policy_scope)])
    error_message = "filter_policy_scope must be MessageAttributes or MessageBody."
  }

  # AWS rejects RawMessageDelivery on lambda subscriptions (it only applies to SQS, HTTP/S and Firehose).
  validation {
    condition     = alltrue([for s in var.subscriptions : !s.raw_message_delivery])
    error_message = "raw_message_delivery is not supported for the lambda protocol: SNS always wraps the message in its envelope."
  }

  validation {
    condition     = alltrue([for s in var.subscriptions : s.dead_letter_queue_name == null || can(regex("^[A-Za-z0-9_-]{1,80}$", s.dead_letter_queue_name))])
    error_message = "dead_letter_queue_name must be 1-80 letters, digits, hyphens or underscores (an SQS queue name)."
  }

  validation {
    condition     = alltrue([for s in var.subscriptions : s.filter_policy == null || can(jsondecode(s.filter_policy))])
    error_message = "filter_policy must be a JSON document (jsonencode the policy)."
  }
}

variable "dead_letter_queue_message_retention_seconds" {
  description = "How long undelivered messages stay in the dead-letter queues."
  type        = number
  default     = 1209600
}

variable "tags" {
  description = "Tags added to every resource of the module."
  type        = map(string)
  default     = {}
}
