# Cross-file references in the declarations, checked before anything is planned, with the culprit named.
locals {
  referenced_functions = concat(
    [for name, subscription in local.declared_subscriptions : { from = "events.yaml subscriptions.${name}", function = subscription.function }],
    [for name, rule in local.declared_rules : { from = "events.yaml rules.${name}", function = rule.function }],
    [for name, stream in local.declared_streams : { from = "events.yaml streams.${name}", function = stream.function }],
  )
  referenced_tables = concat(
    flatten([for key, function in local.functions : [for access in try(function.tables, []) : { from = "functions.yaml ${key}", table = access.table }]]),
    [for name, stream in local.declared_streams : { from = "events.yaml streams.${name}", table = stream.table }],
  )
  referenced_topics = concat(
    flatten([for key, function in local.functions : [for target in try(function.publishes, []) : { from = "functions.yaml ${key}", topic = target.topic } if can(target.topic)]]),
    [for name, subscription in local.declared_subscriptions : { from = "events.yaml subscriptions.${name}", topic = subscription.topic }],
  )
  referenced_buses = concat(
    flatten([for key, function in local.functions : [for target in try(function.publishes, []) : { from = "functions.yaml ${key}", bus = target.bus } if can(target.bus)]]),
    [for name, rule in local.declared_rules : { from = "events.yaml rules.${name}", bus = rule.bus }],
  )

  unknown_functions = [for ref in local.referenced_functions : "${ref.from} -> function ${ref.function}" if !contains(keys(local.functions), ref.function)]
  unknown_tables    = [for ref in local.referenced_tables : "${ref.from} -> table ${ref.table}" if !contains(keys(local.tables), ref.table)]
  unknown_topics    = [for ref in local.referenced_topics : "${ref.from} -> topic ${ref.topic} (neither in events.yaml topics nor in external_topic_arns)" if !contains(keys(local.topic_arns), ref.topic)]
  unknown_buses     = [for ref in local.referenced_buses : "${ref.from} -> bus ${ref.bus} (only the platform bus `events` exists)" if !contains(keys(local.bus_names), ref.bus)]
  streamless_tables = [for name, stream in local.declared_streams : "events.yaml streams.${name} -> table ${stream.table} declares no stream" if try(local.tables[stream.table].stream, null) == null]
  unpositioned      = [for name, stream in local.declared_streams : "events.yaml streams.${name} -> startingPosition is required (TRIM_HORIZON or LATEST)" if !contains(["TRIM_HORIZON", "LATEST"], try(stream.startingPosition, ""))]
  # API files the local cloud serves but this stack does not deploy yet: refused, never silently left out of AWS.
  undeployed_apis = [for file in ["openapi.yaml", "websocket.yaml"] : "${file} -> declared, but infra/services/${local.service} does not deploy it yet" if fileexists("${local.declarations_dir}/${file}")]
  # Subscriptions, rules and streams name their dead-letter queues harbor-<env>-<service>-<name>-dlq.
  queue_owners = concat(keys(local.declared_subscriptions), keys(local.declared_rules), keys(local.declared_streams))
  shared_names = [for name in distinct(local.queue_owners) : "events.yaml: ${name} names more than one subscription, rule or stream (their dead-letter queues would collide)" if length([for owner in local.queue_owners : owner if owner == name]) > 1]
  missing_secrets = flatten([
    for key, names in local.secret_names : [
      for name in names : "functions.yaml ${key}.environment.${name} -> a secret: the file holds the local cloud's value; pass the real one in secret_environment"
      if nonsensitive(lookup(lookup(var.secret_environment, key, {}), name, "") == "")
    ]
  ])
  # What api.tf deploys of http-api.yaml: AWS_PROXY routes to declared functions, one JWT authorizer (Cognito's).
  http_api_errors = !local.http_api_exists ? [] : concat(
    [for key, operation in local.http_operations : "http-api.yaml ${key} -> only aws_proxy integrations with uri $${lambda_invoke_arns.<function>} and payloadFormatVersion '2.0' are deployed" if lower(try(operation.integration.type, "")) != "aws_proxy" || local.http_routes[key].function == "" || try(operation.integration.payloadFormatVersion, "") != "2.0"],
    [for key, route in local.http_routes : "http-api.yaml ${key} -> function ${route.function} is not in functions.yaml" if route.function != "" && !contains(keys(local.functions), route.function)],
    [for key, operation in local.http_operations : "http-api.yaml ${key} -> security: one requirement naming the JWT scheme (alternatives and other schemes are not deployed)" if length(operation.security) > 1 || anytrue([for name in try(keys(operation.security[0]), []) : name != local.jwt_scheme_name])],
    [for key in local.http_function_keys : "http-api.yaml: routes of ${key} declare different timeoutInMillis (one integration per function)" if length(distinct([for route in values(local.http_routes) : route.timeout_milliseconds if route.function == key])) > 1],
    length(local.jwt_schemes) > 1 ? ["http-api.yaml components.securitySchemes -> more than one JWT authorizer (one is deployed)"] : [],
    [for name, scheme in try(local.http_api.components.securitySchemes, {}) : "http-api.yaml components.securitySchemes.${name} -> only jwt authorizers are deployed" if can(scheme["x-amazon-apigateway-authorizer"]) && !contains(keys(local.jwt_schemes), name)],
    local.uses_cognito && var.cognito_user_pool_id == null ? ["http-api.yaml -> uses $${cognito_issuer_url} or $${cognito_client_id}: pass the environment's cognito_user_pool_id"] : [],
  )
  declaration_errors = concat(local.http_api_errors, local.shared_names, local.missing_secrets, local.unknown_functions, local.unknown_tables, local.unknown_topics, local.unknown_buses, local.streamless_tables, local.unpositioned, local.undeployed_apis)
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
