variable "region" {
  description = "Region the environment runs in."
  type        = string
  default     = "eu-west-1"
}

variable "account_id" {
  description = "AWS account of the environment: the provider refuses any other, and ARNs are built from it."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be 12 digits."
  }
}

variable "artifacts_dir" {
  description = "Folder of the Nx build output holding <service>/<functionKey>.zip; null uses the workspace's dist/apps."
  type        = string
  default     = null
}

variable "cognito_user_pool_arn" {
  description = "Existing user pool the orders and inventory APIs trust; null creates one in the orders stack."
  type        = string
  default     = null
}

variable "alarm_actions" {
  description = "ARNs notified by every alarm (an on-call SNS topic, for example)."
  type        = list(string)
  default     = []
}

variable "secret_environment" {
  description = <<-EOT
    Secret environment variables by service and function key (declared names ending in _SECRET, _PASSWORD or _TOKEN,
    whose values in functions.yaml are the local cloud's), e.g. from Secrets Manager:
    TF_VAR_secret_environment='{ orders = { authorizePaymentWebhook = { PAYMENT_WEBHOOK_SECRET = "..." } } }'
  EOT
  type        = map(map(map(string)))
  default     = {}
  sensitive   = true
}
