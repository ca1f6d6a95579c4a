variable "name" {
  description = "Physical API name (harbor-<env>-<service>-ws); also names its log group."
  type        = string
}

variable "description" {
  description = "API description."
  type        = string
  default     = ""
}

variable "route_selection_expression" {
  description = "Where the route key is read from in each message."
  type        = string
  default     = "$request.body.action"
}

variable "functions" {
  description = "Functions the routes and the authorizer call, by function key."
  type = map(object({
    function_name = string
    invoke_arn    = string
  }))
}

variable "routes" {
  description = "Routes by route key ($connect, $disconnect, $default or a custom action) and the function key each calls."
  type = map(object({
    function = string
    # Two-way communication: a $default route response sends the function's result body back to the client.
    two_way = optional(bool, false)
  }))

  validation {
    condition     = alltrue([for key, route in var.routes : !route.two_way || !contains(["$connect", "$disconnect"], key)])
    error_message = "Only message routes ($default and custom ones) can be two-way."
  }

  validation {
    condition     = alltrue([for route in var.routes : contains(keys(var.functions), route.function)])
    error_message = "Every route must name a function declared in functions."
  }
}

variable "authorizer" {
  description = "Lambda REQUEST authorizer run on $connect (the only route API Gateway authorizes), by function key, with its identity sources."
  type = object({
    function         = string
    identity_sources = optional(list(string), ["route.request.querystring.token"])
  })
  default = null

  validation {
    condition     = var.authorizer == null || contains(keys(var.functions), try(var.authorizer.function, ""))
    error_message = "The authorizer must name a function declared in functions."
  }

  validation {
    condition     = var.authorizer == null || contains(keys(var.routes), "$connect")
    error_message = "An authorizer needs a $connect route to run on."
  }
}

variable "stage_name" {
  description = "Name of the stage (part of the wss:// URL and of the @connections endpoint)."
  type        = string
  default     = "v1"
}

variable "throttling_burst_limit" {
  description = "Burst limit of every route (messages)."
  type        = number
  default     = 100
}

variable "throttling_rate_limit" {
  description = "Steady-state rate limit of every route (messages per second)."
  type        = number
  default     = 50
}

variable "log_retention_in_days" {
  description = "Retention of the access log group."
  type        = number
  default     = 14
}

variable "cloudwatch_logs_role_arn" {
  description = "The account's API Gateway CloudWatch Logs role (aws_api_gateway_account): passing it orders the stage after it."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags added to every resource of the module."
  type        = map(string)
  default     = {}
}
