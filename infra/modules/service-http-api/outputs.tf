output "api_id" {
  description = "Id of the HTTP API, or null when nothing is deployed (no http-api.yaml, or declaration_errors)."
  value       = try(module.http_api[0].api_id, null)
}

output "api_endpoint" {
  description = "Base URL of the HTTP API ($default stage), or null."
  value       = try(module.http_api[0].api_endpoint, null)
}

output "access_log_group_name" {
  description = "The API's access log group, or null."
  value       = try(module.http_api[0].access_log_group_name, null)
}

output "cognito_client_id" {
  description = "Id of the app client the JWT authorizer accepts (client credentials grant of the routes' scopes), or null."
  value       = try(aws_cognito_user_pool_client.api[0].id, null)
}

output "oauth_scopes" {
  description = "Resource server scopes the routes require (<identifier>/<scope>)."
  value       = local.custom_scopes
}

output "resource_servers" {
  description = "Scopes by resource server identifier, as created in the user pool."
  value       = local.resource_servers
}

output "routes" {
  description = "Each route key with its function, integration timeout, authorization and scopes, as read from http-api.yaml."
  value       = local.http_routes
}

output "jwt_authorizer" {
  description = "The JWT authorizer's issuer, audience and identity sources, or null without one."
  value       = local.jwt_authorizer
}

output "declaration_errors" {
  description = "What of http-api.yaml this module cannot deploy, each culprit named; the API is not deployed while there are any."
  value       = local.declaration_errors
}

output "deployed" {
  description = "Whether the API is deployed (an http-api.yaml without declaration errors): known at plan time, for counts and for_each."
  value       = local.deployed
}
