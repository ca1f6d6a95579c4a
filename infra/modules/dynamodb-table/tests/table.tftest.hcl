# Key attributes are derived from the keys and indexes (each declared once), and options map to the table.
mock_provider "aws" {}

variables {
  name      = "harbor-test-orders"
  hash_key  = { name = "pk", type = "S" }
  range_key = { name = "sk", type = "S" }
  global_secondary_indexes = [
    { name = "byCustomer", hash_key = { name = "gsi1pk", type = "S" }, range_key = { name = "gsi1sk", type = "S" } },
    { name = "bySku", hash_key = { name = "gsi1pk", type = "S" }, projection_type = "INCLUDE", non_key_attributes = ["sku"] },
  ]
}

run "declares_each_key_attribute_once" {
  command = plan

  assert {
    condition     = toset([for a in aws_dynamodb_table.this.attribute : a.name]) == toset(["pk", "sk", "gsi1pk", "gsi1sk"]) && length(aws_dynamodb_table.this.attribute) == 4
    error_message = "Attributes are the union of table and index keys, without duplicates."
  }

  assert {
    condition     = jsonencode({ for i in aws_dynamodb_table.this.global_secondary_index : i.name => [i.hash_key, i.range_key, i.projection_type] }) == jsonencode({ byCustomer = ["gsi1pk", "gsi1sk", "ALL"], bySku = ["gsi1pk", null, "INCLUDE"] })
    error_message = "Indexes keep their keys and projections."
  }

  assert {
    condition     = aws_dynamodb_table.this.billing_mode == "PAY_PER_REQUEST" && !aws_dynamodb_table.this.stream_enabled && length(aws_dynamodb_table.this.ttl) == 0
    error_message = "On demand, no stream and no TTL unless asked for."
  }
}

run "stream_ttl_and_protection" {
  command = plan

  variables {
    stream_view_type               = "NEW_AND_OLD_IMAGES"
    ttl_attribute                  = "expiresAt"
    point_in_time_recovery_enabled = true
    deletion_protection_enabled    = true
  }

  assert {
    condition     = aws_dynamodb_table.this.stream_enabled && aws_dynamodb_table.this.stream_view_type == "NEW_AND_OLD_IMAGES"
    error_message = "The stream is enabled with the requested view."
  }

  assert {
    condition     = aws_dynamodb_table.this.ttl[0].attribute_name == "expiresAt" && aws_dynamodb_table.this.point_in_time_recovery[0].enabled && aws_dynamodb_table.this.deletion_protection_enabled
    error_message = "TTL, PITR and deletion protection follow the inputs."
  }
}

run "refuses_one_attribute_with_two_types" {
  command = plan

  variables {
    global_secondary_indexes = [{ name = "byPk", hash_key = { name = "pk", type = "N" } }]
  }

  expect_failures = [aws_dynamodb_table.this]
}
