# A WebSocket API: $connect behind a Lambda REQUEST authorizer, and a function that pushes to clients through
# @connections with a policy scoped to this API.
provider "aws" {
  region = "eu-west-1"
}

variable "account_id" {
  description = "Account the ARNs are built for."
  type        = string
  default     = "123456789012"
}

variable "zip_path" {
  description = "Deployment package for the example functions (index.js exporting `handler`)."
  type        = string
}

locals {
  function_names = { connect = "example-ws-connect", authorize = "example-ws-authorize", disconnect = "example-ws-disconnect" }
}

module "functions" {
  source   = "../../../lambda-function"
  for_each = local.function_names

  name       = each.value
  zip_path   = var.zip_path
  account_id = var.account_id
  # Only the function that answers clients may post to their connections.
  policy_statements = each.key == "connect" ? [module.websocket_api.manage_connections_policy_statement] : []
}

module "websocket_api" {
  source = "../.."

  name      = "example-notifications-ws"
  functions = { for key, function in module.functions : key => { function_name = function.function_name, invoke_arn = function.invoke_arn } }
  routes = {
    "$connect"    = { function = "connect" }
    "$disconnect" = { function = "disconnect" }
    "$default"    = { function = "connect" }
  }
  authorizer = { function = "authorize" }
}

output "websocket_url" {
  description = "wss:// URL clients connect to."
  value       = module.websocket_api.websocket_url
}
