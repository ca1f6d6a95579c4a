# The WebSocket API of websocket.yaml, with the websocket-api module's variables under their camelCase names there.
locals {
  websocket_path   = "${local.declarations_dir}/websocket.yaml"
  websocket_exists = fileexists(local.websocket_path)
  websocket        = local.websocket_exists ? yamldecode(file(local.websocket_path)) : null
  websocket_stage  = try(local.websocket.stage, "v1")
  websocket_routes = try({ for key, route in local.websocket.routes : key => { function = route.function, two_way = try(route.twoWay, false) } }, {})
  websocket_authorizer = try(local.websocket.authorizer, null) == null ? null : {
    function         = local.websocket.authorizer.function
    identity_sources = try(local.websocket.authorizer.identitySources, ["route.request.querystring.token"])
  }
  websocket_function_keys = distinct(concat([for route in values(local.websocket_routes) : route.function], local.websocket_authorizer == null ? [] : [local.websocket_authorizer.function]))

  # Read from functions.yaml itself, not from the service module, whose functions take this API's ARN (a cycle).
  declared_function_keys = try(keys(yamldecode(file("${local.declarations_dir}/functions.yaml")).functions), [])
  # Deployed only when every function it names is declared; the service module names the others (api_references).
  has_websocket_api = local.websocket_exists && length(local.websocket_routes) > 0 && alltrue([for key in local.websocket_function_keys : contains(local.declared_function_keys, key)])
}

module "websocket_api" {
  source = "../../modules/websocket-api"
  count  = local.has_websocket_api ? 1 : 0

  name                       = "${local.prefix}-${local.service}-ws"
  description                = try(local.websocket.description, "The ${local.service} WebSocket API, deployed from apps/${local.service}/api/websocket.yaml.")
  route_selection_expression = try(local.websocket.routeSelectionExpression, "$request.body.action")
  functions = {
    for key in local.websocket_function_keys : key => {
      function_name = module.service.functions[key].function_name
      invoke_arn    = module.service.functions[key].invoke_arn
    }
  }
  routes                   = local.websocket_routes
  authorizer               = local.websocket_authorizer
  stage_name               = local.websocket_stage
  throttling_burst_limit   = var.api_throttling.burst_limit
  throttling_rate_limit    = var.api_throttling.rate_limit
  log_retention_in_days    = var.log_retention_in_days
  cloudwatch_logs_role_arn = var.cloudwatch_logs_role_arn
  tags                     = local.tags
}
