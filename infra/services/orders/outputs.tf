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

output "rest_api_url" {
  description = "Invoke URL of the REST API stage, or null without an openapi.yaml."
  value       = try(module.rest_api[0].invoke_url, null)
}

output "cognito_user_pool_id" {
  description = "Id of the user pool the REST API trusts, or null when the API uses no Cognito authorizer."
  value       = local.user_pool_id
}

output "cognito_domain" {
  description = "Prefix of the Cognito domain of the user pool this stack created (https://<prefix>.auth.<region>.amazoncognito.com), or null."
  value       = try(aws_cognito_user_pool_domain.this[0].domain, null)
}

output "cognito_user_pool_client_id" {
  description = "Id of the service's web client of the user pool."
  value       = try(aws_cognito_user_pool_client.this[0].id, null)
}

output "dead_letter_queue_names" {
  description = "Every dead-letter queue of the service, by source."
  value       = module.service.dead_letter_queue_names
}

output "dashboard_name" {
  description = "Name of the service's CloudWatch dashboard."
  value       = module.service.dashboard_name
}
