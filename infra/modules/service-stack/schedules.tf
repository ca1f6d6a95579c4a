# EventBridge Scheduler groups the service owns (functions.yaml `schedules`). The schedules themselves are one-time
# at() schedules its functions create at run time (and which delete themselves once run): here are the group, the
# role the scheduler assumes to invoke the target, and the queue of the invocations it gave up on.
# https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-group.html
locals {
  declared_schedules = try({ for key, schedule in local.functions_file.schedules : key => schedule }, {})
  # Only groups whose target is a declared function, running one-time schedules (checks.tf names the others).
  schedules = { for key, schedule in local.declared_schedules : key => schedule if contains(keys(local.functions), schedule.target) && try(schedule.expression, "at") == "at" }

  schedule_group_names       = { for key in keys(local.schedules) : key => "${local.prefix}-${local.service}-${key}" }
  schedule_target_arns       = { for key, schedule in local.schedules : key => "${local.arn_prefix}:lambda:${local.region_account}:function:${local.function_names[schedule.target]}" }
  schedule_role_names        = { for key in keys(local.schedules) : key => "${local.prefix}-${local.service}-${key}-scheduler" }
  schedule_role_arns         = { for key, name in local.schedule_role_names : key => "${local.arn_prefix}:iam::${var.account_id}:role/${name}" }
  schedule_dead_letter_names = { for key, schedule in local.schedules : key => "${local.prefix}-${local.service}-${key}-dlq" if try(schedule.deadLetterQueue, true) }
  # AWS's defaults when a declaration leaves them out: 185 retries within 24 hours.
  schedule_retry_policies = {
    for key, schedule in local.schedules : key => {
      maximumRetryAttempts   = try(schedule.retryPolicy.maximumRetryAttempts, 185)
      maximumEventAgeSeconds = try(schedule.retryPolicy.maximumEventAgeSeconds, 86400)
    }
  }

  # What each function names (functions.yaml functions.<key>.schedules) among the deployed groups.
  schedule_uses = {
    for key, function in local.functions : key => [for use in try(function.schedules, []) : use if contains(keys(local.schedules), use.schedule)]
  }
  # Exactly the derived actions on that group's schedules; creating one passes the group's role, to the scheduler only.
  schedule_grants = {
    for key, grants in local.grants : key => [for grant in try(grants.schedules, []) : grant if contains(keys(local.schedules), grant.schedule)]
  }
  schedule_statements = {
    for key, uses in local.schedule_grants : key => flatten([
      for index, use in uses : concat(
        [{
          sid       = "Schedules${index}${replace(title(replace(use.schedule, "/[^A-Za-z0-9]+/", " ")), " ", "")}"
          actions   = sort(distinct(use.actions))
          resources = ["${local.arn_prefix}:scheduler:${local.region_account}:schedule/${local.schedule_group_names[use.schedule]}/*"]
        }],
        [for role in [local.schedule_role_arns[use.schedule]] : {
          sid        = "PassSchedulerRole${index}${replace(title(replace(use.schedule, "/[^A-Za-z0-9]+/", " ")), " ", "")}"
          actions    = ["iam:PassRole"]
          resources  = [role]
          conditions = [{ test = "StringEquals", variable = "iam:PassedToService", values = ["scheduler.amazonaws.com"] }]
        } if contains(use.actions, "scheduler:CreateSchedule")],
      )
    ])
  }
  # As the local cloud sets them (apps/local-cloud/src/scheduler/local-schedules.ts).
  schedule_environments = {
    for key, uses in local.schedule_uses : key => merge({}, [
      for use in uses : {
        "${use.env}_GROUP_NAME"                = local.schedule_group_names[use.schedule]
        "${use.env}_TARGET_ARN"                = local.schedule_target_arns[use.schedule]
        "${use.env}_ROLE_ARN"                  = local.schedule_role_arns[use.schedule]
        "${use.env}_DLQ_ARN"                   = try("${local.arn_prefix}:sqs:${local.region_account}:${local.schedule_dead_letter_names[use.schedule]}", "")
        "${use.env}_WINDOW_SECONDS"            = tostring(try(local.schedules[use.schedule].windowSeconds, 900))
        "${use.env}_MAXIMUM_RETRY_ATTEMPTS"    = tostring(local.schedule_retry_policies[use.schedule].maximumRetryAttempts)
        "${use.env}_MAXIMUM_EVENT_AGE_SECONDS" = tostring(local.schedule_retry_policies[use.schedule].maximumEventAgeSeconds)
      }
    ]...)
  }
}

resource "aws_scheduler_schedule_group" "this" {
  for_each = local.schedules

  name = local.schedule_group_names[each.key]
  tags = local.tags
}

resource "aws_sqs_queue" "schedule_failures" {
  for_each = local.schedule_dead_letter_names

  name                      = each.value
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags                      = local.tags
}

# The execution role: assumable by EventBridge Scheduler for this account's schedules of this group only (the
# confused-deputy conditions of https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role).
data "aws_iam_policy_document" "scheduler_trust" {
  for_each = local.schedules

  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [var.account_id]
    }
    # The group's ARN (as the page's example names the source) or one of its schedules': either way, this group only.
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values = [
        "${local.arn_prefix}:scheduler:${local.region_account}:schedule-group/${local.schedule_group_names[each.key]}",
        "${local.arn_prefix}:scheduler:${local.region_account}:schedule/${local.schedule_group_names[each.key]}/*",
      ]
    }
  }
}

resource "aws_iam_role" "scheduler" {
  for_each = local.schedules

  name               = local.schedule_role_names[each.key]
  assume_role_policy = data.aws_iam_policy_document.scheduler_trust[each.key].json
  tags               = local.tags
}

# lambda:InvokeFunction on the group's target only, and sqs:SendMessage on its dead-letter queue:
# https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-targets-templated.html and
# https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html
data "aws_iam_policy_document" "scheduler" {
  for_each = local.schedules

  statement {
    sid       = "InvokeTarget"
    actions   = ["lambda:InvokeFunction"]
    resources = [local.schedule_target_arns[each.key]]
  }
  dynamic "statement" {
    for_each = contains(keys(local.schedule_dead_letter_names), each.key) ? [local.schedule_dead_letter_names[each.key]] : []
    content {
      sid       = "SendFailures"
      actions   = ["sqs:SendMessage"]
      resources = ["${local.arn_prefix}:sqs:${local.region_account}:${statement.value}"]
    }
  }
}

resource "aws_iam_role_policy" "scheduler" {
  for_each = local.schedules

  name   = "invoke-target"
  role   = aws_iam_role.scheduler[each.key].id
  policy = data.aws_iam_policy_document.scheduler[each.key].json
}
