import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { jobKey } from './job-cache.mjs';

// A reused result is only as good as its key: it must change with everything the job reads, and only with that.
describe('jobKey', () => {
  let root: string;

  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const key = (dir: string, extra: Partial<Parameters<typeof jobKey>[0]> = {}) =>
    jobKey({ stagingRoot: root, dir, salt: { terraform: '1.11.4' }, ...extra });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'harbor-job-key-'));
    write('infra/modules/table/main.tf', 'resource "aws_dynamodb_table" "this" {}\n');
    write('infra/modules/queue/main.tf', 'resource "aws_sqs_queue" "this" {}\n');
    write('infra/services/orders/main.tf', 'module "tables" {\n  source = "../../modules/table"\n}\n');
    write('infra/envs/dev/main.tf', 'module "orders" {\n  source = "../../services/orders"\n}\n');
    write('apps/orders/api/tables.yaml', 'tables: {}\n');
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('is stable while nothing changes', () => {
    expect(key('infra/envs/dev')).toBe(key('infra/envs/dev'));
  });

  it('changes with a module sourced transitively', () => {
    const before = key('infra/envs/dev');
    write('infra/modules/table/main.tf', 'resource "aws_dynamodb_table" "this" { name = "x" }\n');
    expect(key('infra/envs/dev')).not.toBe(before);
  });

  it('changes with the declarations a service stack reads', () => {
    const before = key('infra/envs/dev');
    write('apps/orders/api/tables.yaml', 'tables: { orders: {} }\n');
    expect(key('infra/envs/dev')).not.toBe(before);
  });

  it('changes with a folder its terraform tests borrow by relative path', () => {
    write('infra/services/orders/examples/all/api/functions.yaml', 'functions: {}\n');
    write(
      'infra/modules/table/tests/table.tftest.hcl',
      'variables {\n  declarations_dir = "../../services/orders/examples/all/api"\n}\n',
    );
    const before = key('infra/modules/table');
    write('infra/services/orders/examples/all/api/functions.yaml', 'functions: { relay: {} }\n');
    expect(key('infra/modules/table')).not.toBe(before);
  });

  it('ignores modules the job does not source', () => {
    const before = key('infra/envs/dev');
    write('infra/modules/queue/main.tf', 'resource "aws_sqs_queue" "this" { name = "x" }\n');
    expect(key('infra/envs/dev')).toBe(before);
  });

  it('changes with the zips, the variables and the versions', () => {
    write('zips/placeOrder.zip', 'one');
    const zips = [join(root, 'zips', 'placeOrder.zip')];
    const before = key('infra/envs/dev', { extraFiles: zips });
    write('zips/placeOrder.zip', 'two');
    expect(key('infra/envs/dev', { extraFiles: zips })).not.toBe(before);
    expect(key('infra/envs/dev', { salt: { terraform: '1.12.0' } })).not.toBe(key('infra/envs/dev'));
  });

  it('ignores the offline override and provider folders written while checking', () => {
    const before = key('infra/envs/dev');
    write('infra/envs/dev/offline_override.tf', 'provider "aws" {}\n');
    write('infra/envs/dev/.terraform/terraform.tfstate', '{}');
    expect(key('infra/envs/dev')).toBe(before);
  });
});
