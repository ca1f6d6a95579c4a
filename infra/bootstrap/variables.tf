# What one AWS account needs before its environments can be applied, by a person or by the pipeline.
variable "account_id" {
  description = "AWS account being bootstrapped: the provider refuses any other."
  type        = string
}

variable "region" {
  description = "Region of the state bucket (the environments' backend region)."
  type        = string
  default     = "eu-west-1"
}

variable "github_repository" {
  description = "GitHub repository (owner/name) whose workflows may assume the roles."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository is owner/name, e.g. example-org/harbor."
  }
}

variable "environments" {
  description = "Environments deployed to this account, each with the OIDC subject (after repo:<owner>/<name>:) of the workflow job that deploys it."
  type        = map(object({ deploy_subject = string }))
  default = {
    dev  = { deploy_subject = "ref:refs/heads/main" }
    prod = { deploy_subject = "environment:production" }
  }

  validation {
    condition     = alltrue([for subject in values(var.environments)[*].deploy_subject : can(regex("^(ref:refs/heads/[^*]+|environment:[^*]+)$", subject))])
    error_message = "A deploy_subject is ref:refs/heads/<branch> or environment:<name>, without wildcards."
  }
}

variable "create_oidc_provider" {
  description = "Create the account's GitHub OIDC provider; false when the account already has one (there is one per URL and account)."
  type        = bool
  default     = true
}

variable "state_bucket_name" {
  description = "Name of the state bucket; null uses harbor-terraform-state-<account_id> (bucket names are global)."
  type        = string
  default     = null
}
