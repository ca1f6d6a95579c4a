variable "service" {
  description = "The service's name (apps/<service>): names the API (<name_prefix>-<service>-http) and its app client."
  type        = string
}

variable "name_prefix" {
  description = "Prefix of every physical name, harbor-<environment>."
  type        = string
}

variable "http_api_path" {
  description = "The service's http-api.yaml. A missing file deploys nothing."
  type        = string
}

variable "functions" {
  description = "The service's functions by function key: the routes' $${lambda_invoke_arns.<key>} must name one of them."
  type = map(object({
    function_name = string
    invoke_arn    = string
  }))
}

variable "cognito_user_pool_id" {
  description = "Id of the environment's Cognito user pool: the JWT issuer; its resource servers and app client are created in it. May be known only after apply."
  type        = string
  default     = null
}

variable "has_cognito_user_pool" {
  description = "Whether the environment has a user pool, known at plan time even when its id is not (the pool created in the same apply): counts are decided from it."
  type        = bool
}

variable "region" {
  description = "Region of the user pool (the issuer URL) and of the API."
  type        = string
}

variable "account_id" {
  description = "AWS account id, for the $${account_id} placeholder of http-api.yaml."
  type        = string
}

variable "throttling_burst_limit" {
  description = "Burst limit of every route of the $default stage."
  type        = number
}

variable "throttling_rate_limit" {
  description = "Steady-state requests per second of every route of the $default stage."
  type        = number
}

variable "log_retention_in_days" {
  description = "Retention of the API's access log group."
  type        = number
}

variable "tags" {
  description = "Tags of every resource."
  type        = map(string)
  default     = {}
}
