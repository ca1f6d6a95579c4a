# What every Harbor service deploys from apps/<service>/api (docs/declarations.md): functions.yaml, tables.yaml and
# events.yaml, read as the local cloud reads them. The service's API is deployed by its own stack, which passes in
# what this module needs to know about it (api_references, deployed_api_files, rest_apis, http_apis).
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  service          = var.service
  prefix           = "harbor-${var.environment}"
  declarations_dir = coalesce(var.declarations_dir, "${path.module}/../../../apps/${local.service}/api")

  # A missing or empty file declares nothing, as for the local cloud's loader (a malformed one fails the plan).
  functions_file = fileexists("${local.declarations_dir}/functions.yaml") ? yamldecode(file("${local.declarations_dir}/functions.yaml")) : null
  tables_file    = fileexists("${local.declarations_dir}/tables.yaml") ? yamldecode(file("${local.declarations_dir}/tables.yaml")) : null
  events         = fileexists("${local.declarations_dir}/events.yaml") ? yamldecode(file("${local.declarations_dir}/events.yaml")) : null
  functions      = try({ for key, function in local.functions_file.functions : key => function }, {})
  # Each function's grants, derived from its adapters' access descriptors by `npm run iam` (tools/iam); a function
  # the file does not list is granted nothing beyond its logs, traces and event sources.
  access_file = fileexists("${local.declarations_dir}/access.generated.json") ? jsondecode(file("${local.declarations_dir}/access.generated.json")) : null
  grants      = { for key in keys(local.functions) : key => try(local.access_file.functions[key], {}) }
  tables      = try({ for key, table in local.tables_file.tables : key => table }, {})

  # A missing, empty (`{}`) or null section all mean "none".
  topics                 = try({ for key, topic in local.events.topics : key => topic }, {})
  declared_subscriptions = try({ for key, subscription in local.events.subscriptions : key => subscription }, {})
  declared_rules         = try({ for key, rule in local.events.rules : key => rule }, {})
  declared_streams       = try({ for key, stream in local.events.streams : key => stream }, {})

  # Only declarations whose references resolve are deployed; checks.tf names the others (output.declaration_errors).
  subscriptions = { for key, subscription in local.declared_subscriptions : key => subscription if contains(keys(local.functions), subscription.function) && contains(keys(local.topic_arns), subscription.topic) }
  rules         = { for key, rule in local.declared_rules : key => rule if contains(keys(local.functions), rule.function) && contains(keys(local.bus_names), rule.bus) }
  streams       = { for key, stream in local.declared_streams : key => stream if contains(keys(local.functions), stream.function) && try(local.tables[stream.table].stream, null) != null }

  # Physical names and ARNs, built locally (harbor-<env>-<logical>).
  arn_prefix     = "arn:${data.aws_partition.current.partition}"
  region         = data.aws_region.current.name
  region_account = "${local.region}:${var.account_id}"
  function_names = { for key in keys(local.functions) : key => "${local.prefix}-${local.service}-${key}" }
  table_names    = { for key in keys(local.tables) : key => "${local.prefix}-${key}" }
  table_arns     = { for key, name in local.table_names : key => "${local.arn_prefix}:dynamodb:${local.region_account}:table/${name}" }
  own_topic_arns = { for key in keys(local.topics) : key => "${local.arn_prefix}:sns:${local.region_account}:${local.prefix}-${key}" }
  topic_arns     = merge(var.external_topic_arns, local.own_topic_arns)
  bus_names      = { events = var.event_bus_name }
  bus_arns       = { for key, name in local.bus_names : key => "${local.arn_prefix}:events:${local.region_account}:event-bus/${name}" }

  # EventBridge `source` of this service's events (events.yaml publishes.eventbridge; by convention harbor.<service>).
  event_source = try(local.events.publishes.eventbridge.source, "harbor.${local.service}")

  # Settings left out of events.yaml take AWS's defaults, as the local cloud does (a dead-letter queue only when declared).
  stream_dead_letter_names = { for key, stream in local.streams : key => "${local.prefix}-${local.service}-${key}-dlq" if try(stream.deadLetterQueue, false) }

  # Functions invoked asynchronously keep their failed events in a queue: SNS, EventBridge rules and EventBridge
  # Scheduler all invoke Lambda with InvocationType Event (https://docs.aws.amazon.com/lambda/latest/dg/with-eventbridge-scheduler.html);
  # a schedule's own dead-letter queue only holds invocations Scheduler could not make, not the function's errors.
  async_function_keys = toset(concat(
    [for subscription in values(local.subscriptions) : subscription.function],
    [for rule in values(local.rules) : rule.function],
    [for schedule in values(local.schedules) : schedule.target],
  ))
}
