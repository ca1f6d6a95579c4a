# A single-table design: composite key, a sparse GSI, a stream for an outbox relay, and TTL.
provider "aws" {
  region = "eu-west-1"
}

module "dynamodb_table" {
  source = "../.."

  name      = "example-orders"
  hash_key  = { name = "pk", type = "S" }
  range_key = { name = "sk", type = "S" }

  global_secondary_indexes = [{
    name      = "byCustomer"
    hash_key  = { name = "gsi1pk", type = "S" }
    range_key = { name = "gsi1sk", type = "S" }
  }]

  stream_view_type               = "NEW_AND_OLD_IMAGES"
  ttl_attribute                  = "expiresAt"
  point_in_time_recovery_enabled = true
  deletion_protection_enabled    = false
}

output "table_name" {
  description = "Name of the example table."
  value       = module.dynamodb_table.name
}
