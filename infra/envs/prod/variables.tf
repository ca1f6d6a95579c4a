# What a deployment of the environment is given; every other setting is in main.tf (infra/system describes them).
variable "region" {
  description = "Region the environment runs in."
  type        = string
  default     = "eu-west-1"
}

variable "account_id" {
  description = "AWS account of the environment: the provider refuses any other, and ARNs are built from it."
  type        = string
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
  description = "ARNs notified by every alarm besides the environment's own topic harbor-<env>-alarms (an on-call tool's topic, for example)."
  type        = list(string)
  default     = []
}

variable "secret_environment" {
  description = "Secret environment variables by service and function key, from Secrets Manager (infra/README.md)."
  type        = map(map(map(string)))
  default     = {}
  sensitive   = true
}

variable "manage_api_gateway_account" {
  description = "Own the account's API Gateway CloudWatch Logs role setting (one per account and region): false in all but one of the environments sharing an account."
  type        = bool
  default     = true
}
