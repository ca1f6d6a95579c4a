variable "name" {
  description = "Physical function name (harbor-<env>-<service>-<functionKey>). Also names its role, log group and queues."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,64}$", var.name))
    error_message = "name must be 1-64 letters, digits, hyphens or underscores (a Lambda function name)."
  }
}

variable "description" {
  description = "Function description shown in the console."
  type        = string
  default     = ""
}

variable "zip_path" {
  description = "Path to the Nx-built deployment package (dist/apps/<service>/<functionKey>.zip)."
  type        = string

  validation {
    condition     = fileexists(var.zip_path)
    error_message = "zip_path does not exist: build the function first (nx run <service>:build) or point artifacts_dir at the zips."
  }
}

variable "handler" {
  description = "Entry point inside the zip. The Nx build bundles every function to index.js exporting `handler`."
  type        = string
  default     = "index.handler"
}

variable "runtime" {
  description = "Lambda runtime identifier."
  type        = string
  default     = "nodejs22.x"
}

variable "architecture" {
  description = "Instruction set the function runs on."
  type        = string
  default     = "arm64"

  validation {
    condition     = contains(["arm64", "x86_64"], var.architecture)
    error_message = "architecture must be arm64 or x86_64."
  }
}

variable "memory_size" {
  description = "Memory in MB (CPU scales with it)."
  type        = number
  default     = 256

  validation {
    condition     = var.memory_size >= 128 && var.memory_size <= 10240
    error_message = "memory_size must be between 128 and 10240 MB."
  }
}

variable "timeout" {
  description = "Maximum run time in seconds."
  type        = number
  default     = 10

  validation {
    condition     = var.timeout >= 1 && var.timeout <= 900
    error_message = "timeout must be between 1 and 900 seconds."
  }
}

variable "reserved_concurrent_executions" {
  description = "Concurrency reserved for the function; -1 leaves it unreserved."
  type        = number
  default     = -1
}

variable "environment_variables" {
  description = "Environment variables of the function (plain values, no secrets)."
  type        = map(string)
  default     = {}
}

variable "secret_environment_variables" {
  description = "Environment variables holding secrets (shown as sensitive in plans; still stored in the state and in the function's configuration)."
  type        = map(string)
  default     = {}
  sensitive   = true

  validation {
    condition     = length(setintersection(nonsensitive(keys(var.secret_environment_variables)), keys(var.environment_variables))) == 0
    error_message = "A variable is either plain or secret: secret_environment_variables repeats a name of environment_variables."
  }
}

variable "log_retention_in_days" {
  description = "Retention of the function's log group /aws/lambda/<name>."
  type        = number
  default     = 14
}

variable "policy_statements" {
  description = "The only permissions the function gets besides writing its own logs and traces. Resources are ARNs; \"*\" is refused. Conditions narrow a statement further (e.g. events:source on events:PutEvents)."
  type = list(object({
    sid       = string
    actions   = list(string)
    resources = list(string)
    conditions = optional(list(object({
      test     = string
      variable = string
      values   = list(string)
    })), [])
  }))
  default = []

  validation {
    condition = alltrue([
      for statement in var.policy_statements :
      !contains(statement.actions, "*") && !contains(statement.resources, "*") && length(statement.actions) > 0 && length(statement.resources) > 0
    ])
    error_message = "Every policy statement needs at least one action and one resource, and neither may be \"*\"."
  }

  validation {
    condition     = length(distinct([for statement in var.policy_statements : statement.sid])) == length(var.policy_statements)
    error_message = "Policy statement sids must be unique."
  }
}

variable "async_failure_destination" {
  description = "For functions invoked asynchronously (SNS, EventBridge): create an SQS queue that receives events whose invocation failed after the retries."
  type = object({
    maximum_retry_attempts       = optional(number, 2)
    maximum_event_age_in_seconds = optional(number, 21600)
    message_retention_seconds    = optional(number, 1209600)
  })
  default = null
}

variable "account_id" {
  description = "AWS account id: ARNs are built locally so policies are known at plan time (no API calls)."
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
