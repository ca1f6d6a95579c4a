# Fails the plan, naming each culprit, rather than deploy part of what apps/inventory/api declares: the service module's
# declaration_errors and what modules/service-http-api cannot deploy of http-api.yaml.
locals {
  declaration_errors = concat(module.http.declaration_errors, module.service.declaration_errors)
}

resource "terraform_data" "declarations" {
  input = local.service

  lifecycle {
    precondition {
      condition     = length(local.declaration_errors) == 0
      error_message = "apps/${local.service}/api declares references to things it does not declare:\n${join("\n", local.declaration_errors)}"
    }
  }
}
