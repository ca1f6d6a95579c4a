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
  description = "Functions the routes integrate with (or the body's $${lambda_invoke_arns.<key>} placeholders name), by function key, with the integration's timeout (50-30000 ms) and payload format version (1.0 or 2.0)."
  type = map(object({
    function_name          = string
    invoke_arn             = string
    timeout_milliseconds   = optional(number, 30000)
    payload_format_version = optional(string, "2.0")
  }))

  validation {
    condition     = alltrue([for function in var.functions : function.timeout_milliseconds >= 50 && function.timeout_milliseconds <= 30000])
    error_message = "timeout_milliseconds must be between 50 and 30000."
  }

  validation {
    condition     = alltrue([for function in var.functions : contains(["1.0", "2.0"], function.payload_format_version)])
    error_message = "payload_format_version must be 1.0 or 2.0."
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
  description = "Routes by route key (\"GET /items/{id}\", \"$default\"): the function key they call and their authorization (JWT, CUSTOM with the name of one of lambda_authorizers, or NONE). Empty with openapi_path."
  type = map(object({
    function             = string
    authorization        = optional(string, "JWT")
    authorization_scopes = optional(list(string), [])
    authorizer           = optional(string)
  }))
  default = {}

  validation {
    condition     = alltrue([for route in var.routes : contains(keys(var.functions), route.function)])
    error_message = "Every route must name a function declared in functions."
  }

  validation {
    condition     = alltrue([for route in var.routes : contains(["JWT", "CUSTOM", "NONE"], route.authorization)])
    error_message = "authorization must be JWT, CUSTOM or NONE."
  }

  validation {
    condition     = alltrue([for route in var.routes : route.authorization != "CUSTOM" || contains(keys(var.lambda_authorizers), coalesce(route.authorizer, "-"))])
    error_message = "CUSTOM routes name one of lambda_authorizers in authorizer."
  }

  validation {
    condition     = var.jwt_authorizer != null || alltrue([for route in var.routes : route.authorization != "JWT"])
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

variable "lambda_authorizers" {
  description = "Lambda (REQUEST) authorizers by name, as https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html describes them: the function, its payload format (1.0 or 2.0), simple responses (2.0 only), identity sources and cache TTL (0-3600 s; caching needs identity sources)."
  type = map(object({
    function_name           = string
    invoke_arn              = string
    payload_format_version  = string
    enable_simple_responses = optional(bool, false)
    identity_sources        = optional(list(string), [])
    result_ttl_in_seconds   = optional(number, 300)
  }))
  default = {}

  validation {
    condition     = alltrue([for a in var.lambda_authorizers : contains(["1.0", "2.0"], a.payload_format_version) && (!a.enable_simple_responses || a.payload_format_version == "2.0")])
    error_message = "payload_format_version must be 1.0 or 2.0, and simple responses need 2.0."
  }

  validation {
    condition     = alltrue([for a in var.lambda_authorizers : a.result_ttl_in_seconds >= 0 && a.result_ttl_in_seconds <= 3600])
    error_message = "result_ttl_in_seconds must be between 0 and 3600."
  }
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
