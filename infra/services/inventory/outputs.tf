output "function_names" {
  description = "Physical function names by function key."
  value       = { for key, function in module.functions : key => function.function_name }
}

output "table_names" {
  description = "Physical table names by table key."
  value       = { for key, table in module.tables : key => table.name }
}

output "topic_arns" {
  description = "ARNs of the topics this service owns, by topic key (input of other services' external_topic_arns)."
  value       = { for key, topic in module.topics : key => topic.topic_arn }
}

output "http_api_url" {
  description = "Base URL of the HTTP API ($default stage), or null without an http-api.yaml."
  value       = try(module.http_api[0].api_endpoint, null)
}

output "cognito_client_id" {
  description = "Id of the app client the HTTP API's JWT authorizer accepts (client credentials grant of the routes' scopes)."
  value       = try(aws_cognito_user_pool_client.api[0].id, null)
}

output "oauth_scopes" {
  description = "Resource server scopes the HTTP API's routes require (<identifier>/<scope>)."
  value       = local.custom_scopes
}

output "dead_letter_queue_names" {
  description = "Every dead-letter queue of the service, by source."
  value       = local.dead_letter_queues
}

output "dashboard_name" {
  description = "Name of the service's CloudWatch dashboard."
  value       = module.observability.dashboard_name
}
