# Roles for routes that publish straight to SNS (integration credentials): one per topic, sns:Publish on it only.
data "aws_iam_policy_document" "api_gateway_assume_role" {
  count = length(var.sns_publish_topic_arns) > 0 ? 1 : 0

  statement {
    sid     = "ApiGatewayAssumesRole"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["apigateway.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "sns_publish" {
  for_each = local.sns_publish_role_names

  name               = each.value
  description        = "Assumed by API Gateway ${var.name} to publish to topic ${each.key}."
  assume_role_policy = data.aws_iam_policy_document.api_gateway_assume_role[0].json
  tags               = var.tags
}

data "aws_iam_policy_document" "sns_publish" {
  for_each = var.sns_publish_topic_arns

  statement {
    sid       = "PublishToOneTopic"
    actions   = ["sns:Publish"]
    resources = [each.value]
  }
}

resource "aws_iam_role_policy" "sns_publish" {
  for_each = var.sns_publish_topic_arns

  name   = "publish-${each.key}"
  role   = aws_iam_role.sns_publish[each.key].name
  policy = data.aws_iam_policy_document.sns_publish[each.key].json
}
