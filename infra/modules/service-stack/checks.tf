# Cross-file references in the declarations, with the culprit named. A declaration whose references do not resolve
# is left out of the plan: the calling stack fails the plan on output.declaration_errors (and its API's own errors).
locals {
  referenced_functions = concat(
    [for ref in var.api_references : { from = ref.from, function = ref.function } if ref.function != null],
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
    [for ref in var.api_references : { from = ref.from, topic = ref.topic } if ref.topic != null],
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
  undeployed_apis = [for file in setsubtract(["openapi.yaml", "http-api.yaml", "websocket.yaml"], var.deployed_api_files) : "${file} -> declared, but infra/services/${local.service} does not deploy it yet" if fileexists("${local.declarations_dir}/${file}")]
  # Subscriptions, rules and streams name their dead-letter queues harbor-<env>-<service>-<name>-dlq.
  queue_owners = concat(keys(local.declared_subscriptions), keys(local.declared_rules), keys(local.declared_streams))
  shared_names = [for name in distinct(local.queue_owners) : "events.yaml: ${name} names more than one subscription, rule or stream (their dead-letter queues would collide)" if length([for owner in local.queue_owners : owner if owner == name]) > 1]
  # Schedule groups (functions.yaml schedules): their target must be a function; recurring ones are not deployed yet.
  unknown_schedule_targets = [for name, schedule in local.declared_schedules : "functions.yaml schedules.${name} -> function ${schedule.target}" if !contains(keys(local.functions), schedule.target)]
  recurring_schedules      = [for name, schedule in local.declared_schedules : "functions.yaml schedules.${name} -> expression ${schedule.expression}: only one-time (at) groups are deployed yet" if try(schedule.expression, "at") != "at"]
  missing_secrets = flatten([
    for key, names in local.secret_names : [
      for name in names : "functions.yaml ${key}.environment.${name} -> a secret: the file holds the local cloud's value; pass the real one in secret_environment"
      if nonsensitive(lookup(lookup(var.secret_environment, key, {}), name, "") == "")
    ]
  ])
  unfilled_placeholders = flatten([
    for key, names in local.environment_placeholder_names : [
      for name, placeholders in names : [
        for placeholder in placeholders : "functions.yaml ${key}.environment.${name} -> placeholder $${${placeholder}} has no value in this stack (environment_placeholders)"
        if !contains(keys(var.environment_placeholders), placeholder)
      ] if !contains(local.secret_names[key], name)
    ]
  ])
  unserved_connections = [for key, methods in local.connection_methods : "functions.yaml ${key}.connections -> the stack deploys no WebSocket API (websocket.yaml) to call" if length(methods) > 0 && var.websocket_api == null]
  declaration_errors   = concat(local.unfilled_placeholders, local.unserved_connections, local.shared_names, local.missing_secrets, local.unknown_functions, local.unknown_tables, local.unknown_topics, local.unknown_buses, local.streamless_tables, local.unpositioned, local.undeployed_apis, local.unknown_schedule_targets, local.recurring_schedules)
}
