locals {
  key_schemas = concat(
    [var.hash_key],
    var.range_key == null ? [] : [var.range_key],
    flatten([for index in var.global_secondary_indexes : [index.hash_key, index.range_key]]),
  )
  key_attributes = [for key in local.key_schemas : key if key != null]

  # DynamoDB wants each key attribute declared once; the same name with two types is a definition error.
  attribute_types = { for key in local.key_attributes : key.name => key.type... }
  attributes      = { for name, types in local.attribute_types : name => distinct(types) }
}

resource "aws_dynamodb_table" "this" {
  name                        = var.name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = var.hash_key.name
  range_key                   = try(var.range_key.name, null)
  stream_enabled              = var.stream_view_type != null
  stream_view_type            = var.stream_view_type
  deletion_protection_enabled = var.deletion_protection_enabled

  dynamic "attribute" {
    for_each = local.attributes

    content {
      name = attribute.key
      type = attribute.value[0]
    }
  }

  dynamic "global_secondary_index" {
    for_each = var.global_secondary_indexes

    content {
      name               = global_secondary_index.value.name
      hash_key           = global_secondary_index.value.hash_key.name
      range_key          = try(global_secondary_index.value.range_key.name, null)
      projection_type    = global_secondary_index.value.projection_type
      non_key_attributes = global_secondary_index.value.non_key_attributes
    }
  }

  dynamic "ttl" {
    for_each = var.ttl_attribute == null ? [] : [var.ttl_attribute]

    content {
      enabled        = true
      attribute_name = ttl.value
    }
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery_enabled
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = alltrue([for types in local.attributes : length(types) == 1])
      error_message = "A key attribute is declared with two different types in ${var.name}: ${jsonencode({ for name, types in local.attributes : name => types if length(types) > 1 })}."
    }
  }
}
