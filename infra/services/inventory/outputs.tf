output "function_names" {
  description = "Physical function names by function key."
  value       = { for key, function in module.service.functions : key => function.function_name }
}

output "table_names" {
  description = "Physical table names by table key."
  value       = module.service.table_names
}

output "topic_arns" {
  description = "ARNs of the topics this service owns, by topic key (input of other services' external_topic_arns)."
  value       = module.service.topic_arns
}

output "http_api_url" {
  description = "Base URL of the HTTP API ($default stage), or null without an http-api.yaml."
  value       = module.http.api_endpoint
}

output "cognito_client_id" {
  description = "Id of the app client the HTTP API's JWT authorizer accepts (client credentials grant of the routes' scopes)."
  value       = module.http.cognito_client_id
}

output "oauth_scopes" {
  description = "Resource server scopes the HTTP API's routes require (<identifier>/<scope>)."
  value       = module.http.oauth_scopes
}

output "dead_letter_queue_names" {
  description = "Every dead-letter queue of the service, by source."
  value       = module.service.dead_letter_queue_names
}

output "dashboard_name" {
  description = "Name of the service's CloudWatch dashboard."
  value       = module.service.dashboard_name
}
