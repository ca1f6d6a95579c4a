locals {
  tags = { Service = local.service }

  # Table accesses and publish targets that resolve (checks.tf reports the others).
  table_accesses  = { for key, function in local.functions : key => [for access in try(function.tables, []) : access if contains(keys(local.tables), access.table)] }
  publish_targets = { for key, function in local.functions : key => [for target in try(function.publishes, []) : target if contains(keys(can(target.topic) ? local.topic_arns : local.bus_names), try(target.topic, target.bus, ""))] }

  # Each function's role: exactly its derived grants (access.generated.json) on resources that resolve, plus what
  # its event sources need.
  table_grants = { for key, grants in local.grants : key => [for grant in try(grants.tables, []) : grant if contains(keys(local.tables), grant.table)] }
  table_statements = {
    for key, function in local.functions : key => [
      for index, grant in local.table_grants[key] : {
        sid       = "Table${index}${replace(title(replace(grant.table, "/[^A-Za-z0-9]+/", " ")), " ", "")}"
        actions   = grant.actions
        resources = concat([local.table_arns[grant.table]], [for name in try(grant.indexes, []) : "${local.table_arns[grant.table]}/index/${name}"])
      }
    ]
  }

  publish_statements = {
    for key, function in local.functions : key => concat(
      [
        for index, topic in [for topic in try(local.grants[key].topics, []) : topic if contains(keys(local.topic_arns), topic)] : {
          sid       = "Publish${index}${replace(title(replace(topic, "/[^A-Za-z0-9]+/", " ")), " ", "")}"
          actions   = ["sns:Publish"]
          resources = [local.topic_arns[topic]]
        }
      ],
      [
        for index, bus in [for bus in try(local.grants[key].buses, []) : bus if contains(keys(local.bus_names), bus)] : {
          sid       = "PutEvents${index}${replace(title(replace(bus, "/[^A-Za-z0-9]+/", " ")), " ", "")}"
          actions   = ["events:PutEvents"]
          resources = [local.bus_arns[bus]]
          # On the shared bus a service may only emit events of its own source: it cannot pose as another one.
          conditions = [{ test = "StringEquals", variable = "events:source", values = [local.event_source] }]
        }
      ],
    )
  }

  stream_statements = {
    for key in keys(local.functions) : key => flatten([
      for name, stream in local.streams : concat(
        [{
          sid       = "ReadStream${replace(title(replace(name, "/[^A-Za-z0-9]+/", " ")), " ", "")}"
          actions   = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"]
          resources = ["${local.table_arns[stream.table]}/stream/*"]
        }],
        [for queue in [lookup(local.stream_dead_letter_names, name, null)] : {
          sid       = "SendStreamFailures${replace(title(replace(name, "/[^A-Za-z0-9]+/", " ")), " ", "")}"
          actions   = ["sqs:SendMessage"]
          resources = ["${local.arn_prefix}:sqs:${local.region_account}:${queue}"]
        } if queue != null],
      ) if stream.function == key
    ])
  }

  # @connections calls on the service's WebSocket API (functions.yaml connections): this API's stage, the derived methods.
  connection_methods = { for key, function in local.functions : key => sort(distinct(try(function.connections, []))) }
  connection_grants  = { for key, grants in local.grants : key => sort(distinct(try(grants.connections, []))) }
  connection_statements = {
    for key, methods in local.connection_grants : key => [
      for api in [var.websocket_api] : {
        sid       = "ManageConnections"
        actions   = ["execute-api:ManageConnections"]
        resources = [for method in methods : "${api.execution_arn}/${api.stage_name}/${method}/@connections/*"]
      } if api != null && length(methods) > 0
    ]
  }
  # The endpoint the SDK's ApiGatewayManagementApiClient reads (the local cloud sets its own for every function).
  connection_environments = {
    for key, methods in local.connection_methods : key => length(methods) > 0 && var.websocket_api != null ? { AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI = var.websocket_api.connections_endpoint } : {}
  }

  # The ${name} placeholders of each declared value, as the local cloud reads them ($${name} is the literal text).
  environment_placeholder_names = {
    for key, function in local.functions : key => {
      for name, value in try(function.environment, {}) : name => distinct(flatten(regexall("(?:^|[^$])\\$\\{([^}]+)\\}", tostring(value))))
    }
  }
  # Filled only when every placeholder has a value (checks.tf names the others).
  filled_environments = {
    for key, function in local.functions : key => {
      for name, value in try(function.environment, {}) : name => (
        strcontains(tostring(value), "$${") && alltrue([for placeholder in local.environment_placeholder_names[key][name] : contains(keys(var.environment_placeholders), placeholder)])
        ? templatestring(value, var.environment_placeholders) : value
      )
    }
  }

  # Declared variables named *_SECRET, *_PASSWORD or *_TOKEN hold the local cloud's value of a secret: in AWS they
  # take the value passed in var.secret_environment (checks.tf names each one missing).
  secret_names = {
    for key, function in local.functions : key => sort([for name in keys(try(function.environment, {})) : name if can(regex("(^|_)(SECRET|PASSWORD|TOKEN)$", name))])
  }
  secret_environments = {
    for key, names in local.secret_names : key => { for name in names : name => lookup(lookup(var.secret_environment, key, {}), name, "") }
  }

  # As the local cloud sets them: HARBOR_ENV for every function, POWERTOOLS_SERVICE_NAME unless declared otherwise.
  function_environments = {
    for key, function in local.functions : key => merge(
      { HARBOR_ENV = var.environment, POWERTOOLS_SERVICE_NAME = local.service },
      { for name, value in local.filled_environments[key] : name => value if !contains(local.secret_names[key], name) },
      { for access in local.table_accesses[key] : access.env => local.table_names[access.table] },
      { for target in local.publish_targets[key] : target.env => can(target.topic) ? local.topic_arns[target.topic] : local.bus_names[target.bus] },
      local.connection_environments[key],
      local.secret_name_environments[key],
      local.schedule_environments[key],
    )
  }
}

module "functions" {
  source   = "../lambda-function"
  for_each = local.functions

  name                         = local.function_names[each.key]
  description                  = try(each.value.description, "")
  zip_path                     = "${var.artifacts_dir}/${each.key}.zip"
  memory_size                  = lookup(var.function_memory_overrides, each.key, each.value.memoryMb)
  timeout                      = each.value.timeoutSeconds
  environment_variables        = local.function_environments[each.key]
  secret_environment_variables = local.secret_environments[each.key]
  log_retention_in_days        = var.log_retention_in_days
  policy_statements            = concat(local.table_statements[each.key], local.publish_statements[each.key], local.stream_statements[each.key], local.connection_statements[each.key], local.secret_statements[each.key], local.schedule_statements[each.key])
  account_id                   = var.account_id
  tags                         = local.tags

  async_failure_destination = contains(local.async_function_keys, each.key) ? {} : null
}
