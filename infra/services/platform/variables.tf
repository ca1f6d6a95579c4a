variable "environment" {
  description = "Environment name: physical names are harbor-<environment>-<logical name>."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,11}$", var.environment))
    error_message = "environment must be 2-12 lowercase letters or digits, starting with a letter."
  }
}

variable "account_id" {
  description = "AWS account id (ARNs are built locally, no API call)."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be 12 digits."
  }
}

variable "manage_api_gateway_account" {
  description = "Own the account's API Gateway CloudWatch Logs role setting (one per account and region). False in every environment but one that share an account."
  type        = bool
  default     = true
}
