output "function_names" {
  description = "Physical function names by function key."
  value       = { for key, function in module.service.functions : key => function.function_name }
}

output "table_names" {
  description = "Physical table names by table key."
  value       = module.service.table_names
}

output "websocket_url" {
  description = "wss:// URL customers connect to (with ?token=<user pool token>), or null without a websocket.yaml."
  value       = try(module.websocket_api[0].websocket_url, null)
}

output "connections_endpoint" {
  description = "HTTPS endpoint of the WebSocket API's @connections management API, or null without a websocket.yaml."
  value       = try(module.websocket_api[0].connections_endpoint, null)
}

output "dead_letter_queue_names" {
  description = "Every dead-letter queue of the service, by source."
  value       = module.service.dead_letter_queue_names
}

output "dashboard_name" {
  description = "Name of the service's CloudWatch dashboard."
  value       = module.service.dashboard_name
}
