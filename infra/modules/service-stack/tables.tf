module "tables" {
  source   = "../dynamodb-table"
  for_each = local.tables

  name      = local.table_names[each.key]
  hash_key  = { name = each.value.hashKey.name, type = each.value.hashKey.type }
  range_key = try({ name = each.value.rangeKey.name, type = each.value.rangeKey.type }, null)

  global_secondary_indexes = [
    for index in try(each.value.globalSecondaryIndexes, []) : {
      name            = index.name
      hash_key        = { name = index.hashKey.name, type = index.hashKey.type }
      range_key       = try({ name = index.rangeKey.name, type = index.rangeKey.type }, null)
      projection_type = try(index.projection, "ALL")
    }
  ]

  stream_view_type               = try(each.value.stream, null)
  ttl_attribute                  = try(each.value.ttlAttribute, null)
  point_in_time_recovery_enabled = var.point_in_time_recovery_enabled
  deletion_protection_enabled    = var.deletion_protection_enabled
  tags                           = local.tags
}
