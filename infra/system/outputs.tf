output "event_bus_name" {
  description = "The environment's event bus."
  value       = module.platform.event_bus_name
}

output "alarm_topic_arn" {
  description = "Topic every alarm notifies: subscribe the team to it."
  value       = module.platform.alarm_topic_arn
}

output "orders_api_url" {
  description = "Base URL of the orders REST API."
  value       = module.orders.rest_api_url
}

output "orders_user_pool_id" {
  description = "Id of the environment's Cognito user pool (passed in, or created by the orders stack)."
  value       = module.orders.cognito_user_pool_id
}

output "orders_user_pool_domain" {
  description = "Prefix of the created user pool's Cognito domain (token endpoint https://<prefix>.auth.<region>.amazoncognito.com/oauth2/token), or null for a pool passed in."
  value       = module.orders.cognito_domain
}

output "orders_user_pool_client_id" {
  description = "Cognito client id callers of the orders API sign in with."
  value       = module.orders.cognito_user_pool_client_id
}

output "orders_function_names" {
  description = "Orders functions by key."
  value       = module.orders.function_names
}

output "inventory_api_url" {
  description = "Base URL of the inventory HTTP API."
  value       = module.inventory.http_api_url
}

output "inventory_client_id" {
  description = "Cognito app client that gets inventory/admin access tokens (client credentials grant; its secret is in the user pool)."
  value       = module.inventory.cognito_client_id
}

output "inventory_function_names" {
  description = "Inventory functions by key."
  value       = module.inventory.function_names
}

output "catalog_api_url" {
  description = "Base URL of the catalog HTTP API."
  value       = module.catalog.http_api_url
}

output "catalog_client_id" {
  description = "Cognito app client that gets catalog/admin access tokens (client credentials grant; its secret is in the user pool)."
  value       = module.catalog.cognito_client_id
}

output "catalog_function_names" {
  description = "Catalog functions by key."
  value       = module.catalog.function_names
}

output "notifications_websocket_url" {
  description = "wss:// URL of the notifications WebSocket API (customers connect with ?token=<user pool token>)."
  value       = module.notifications.websocket_url
}

output "notifications_function_names" {
  description = "Notifications functions by key."
  value       = module.notifications.function_names
}
