# A service deployed from its declarations alone (api/): a function fed by an EventBridge rule with a dead-letter
# queue, writing to a table, with its alarms and dashboard. A service with an API deploys it around this module,
# as infra/services/orders (REST API) and infra/services/inventory (HTTP API) do.
provider "aws" {
  region = "eu-west-1"
}

variable "account_id" {
  description = "Account the ARNs are built for."
  type        = string
  default     = "123456789012"
}

variable "artifacts_dir" {
  description = "Folder holding <functionKey>.zip for every function in api/functions.yaml."
  type        = string
}

resource "aws_cloudwatch_event_bus" "example" {
  name = "harbor-example-events"
}

module "service" {
  source = "../.."

  service          = "reservations"
  environment      = "example"
  account_id       = var.account_id
  artifacts_dir    = var.artifacts_dir
  declarations_dir = "${path.module}/api"
  event_bus_name   = aws_cloudwatch_event_bus.example.name

  log_retention_in_days          = 7
  point_in_time_recovery_enabled = false
  deletion_protection_enabled    = false
}

# The module leaves out what its declarations refer to but do not declare: the caller fails the plan on them.
resource "terraform_data" "declarations" {
  input = "reservations"

  lifecycle {
    precondition {
      condition     = length(module.service.declaration_errors) == 0
      error_message = "api/ declares references to things it does not declare:\n${join("\n", module.service.declaration_errors)}"
    }
  }
}

output "functions" {
  description = "The service's functions by key."
  value       = module.service.functions
}

output "dead_letter_queue_names" {
  description = "Every dead-letter queue of the service, by source."
  value       = module.service.dead_letter_queue_names
}
