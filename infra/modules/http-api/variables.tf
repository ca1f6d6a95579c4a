variable "name" {
  description = "Physical API name (harbor-<env>-<service>-http); also names its log group."
  type        = string
}

variable "description" {
  description = "API description."
  type        = string
  default     = ""
}

variable "functions" {
  description = "Functions the routes integrate with (or the body's $${lambda_invoke_arns.<key>} placeholders name), by function key (payload format 2.0), with the integration's timeout (50-30000 ms)."
  type = map(object({
    function_name        = string
    invoke_arn           = string
    timeout_milliseconds = optional(number, 30000)
  }))

  validation {
    condition     = alltrue([for function in var.functions : function.timeout_milliseconds >= 50 && function.timeout_milliseconds <= 30000])
    error_message = "timeout_milliseconds must be between 50 and 30000."
  }
}

variable "openapi_path" {
  description = "OpenAPI 3.0 file with x-amazon-apigateway-* extensions imported as the API body (routes, integrations, authorizers); null builds the API from routes instead."
  type        = string
  default     = null

  validation {
    condition     = var.openapi_path == null || fileexists(coalesce(var.openapi_path, "-"))
    error_message = "openapi_path does not exist."
  }
}

variable "template_variables" {
  description = "Values of the OpenAPI file's $${...} placeholders, e.g. { cognito_issuer_url = \"https://...\", cognito_client_id = \"...\" }; the module adds lambda_invoke_arns from functions."
  type        = any
  default     = {}
}

variable "routes" {
  description = "Routes by route key (\"GET /items/{id}\", \"$default\"): the function key they call and their authorization (JWT or NONE). Empty with openapi_path."
  type = map(object({
    function             = string
    authorization        = optional(string, "JWT")
    authorization_scopes = optional(list(string), [])
  }))
  default = {}

  validation {
    condition     = alltrue([for route in var.routes : contains(keys(var.functions), route.function)])
    error_message = "Every route must name a function declared in functions."
  }

  validation {
    condition     = alltrue([for route in var.routes : contains(["JWT", "NONE"], route.authorization)])
    error_message = "authorization must be JWT or NONE."
  }

  validation {
    condition     = var.jwt_authorizer != null || alltrue([for route in var.routes : route.authorization == "NONE"])
    error_message = "JWT routes need jwt_authorizer."
  }

  validation {
    condition     = var.openapi_path == null || length(var.routes) == 0
    error_message = "Routes come from the OpenAPI body when openapi_path is set: leave routes empty."
  }
}

variable "jwt_authorizer" {
  description = "The JWT authorizer of the routes: token issuer (e.g. https://cognito-idp.<region>.amazonaws.com/<pool id>) and accepted audiences. With openapi_path the body declares it instead."
  type = object({
    issuer           = string
    audience         = list(string)
    identity_sources = optional(list(string), ["$request.header.Authorization"])
  })
  default = null
}

variable "cors" {
  description = "CORS configuration, or null for none."
  type = object({
    allow_origins     = list(string)
    allow_methods     = optional(list(string), ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
    allow_headers     = optional(list(string), ["authorization", "content-type"])
    max_age           = optional(number, 600)
    expose_headers    = optional(list(string), [])
    allow_credentials = optional(bool, false)
  })
  default = null
}

variable "throttling_burst_limit" {
  description = "Burst limit of every route (requests)."
  type        = number
  default     = 100
}

variable "throttling_rate_limit" {
  description = "Steady-state rate limit of every route (requests per second)."
  type        = number
  default     = 50
}

variable "log_retention_in_days" {
  description = "Retention of the access log group."
  type        = number
  default     = 14
}

variable "tags" {
  description = "Tags added to every resource of the module."
  type        = map(string)
  default     = {}
}
