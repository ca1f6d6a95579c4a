import { parse } from 'velocityjs';
import { isRecord, type JsonRecord } from '../../core';
import { unsupportedContextPath } from './context-variables';
import { compileJsonPath } from './json-path';
import { SUPPORTED_VALUE_METHODS } from './vtl-methods';
import { VTL_UTIL_FUNCTIONS } from './vtl-util';

/** Reports one unemulated feature (`feature`, `detail`) found in a template. */
export type ScanProblem = (feature: string, detail: string) => Error;

const UTIL = new Set<string>(VTL_UTIL_FUNCTIONS);
const FOREACH_PROPERTIES = new Set(['hasNext', 'count', 'index']);
const TEXT_DIRECTIVES = /#\{?(stop|evaluate|include|parse|define|macro)\b/;
const ALLOWED_NODE_TYPES = new Set(['if', 'elseif', 'else', 'end', 'comment', 'raw', 'break']);

type Attribute = JsonRecord & { readonly type: string; readonly id: unknown; readonly args?: unknown };

const lineOf = (node: JsonRecord): string => {
  const pos = node['pos'];
  return isRecord(pos) && typeof pos['first_line'] === 'number' ? ` (line ${pos['first_line']})` : '';
};

const attributesOf = (reference: JsonRecord): Attribute[] =>
  (Array.isArray(reference['path']) ? reference['path'] : []).filter(
    (item): item is Attribute => isRecord(item) && typeof item['type'] === 'string',
  );

const argsOf = (attribute: JsonRecord): unknown[] => (Array.isArray(attribute['args']) ? attribute['args'] : []);

/**
 * Walks a parsed template and throws for every VTL directive, variable or function the emulator does not
 * implement exactly as API Gateway does. Runs once per template at start-up.
 */
export class VtlScanner {
  private readonly locals = new Set<string>();

  constructor(private readonly problem: ScanProblem) {}

  scan(nodes: readonly unknown[]): void {
    this.collectLocals(nodes);
    this.walk(nodes);
  }

  private collectLocals(nodes: readonly unknown[]): void {
    for (const node of nodes) {
      if (Array.isArray(node)) this.collectLocals(node);
      else if (isRecord(node) && node['type'] === 'set' && Array.isArray(node['equal']) && isRecord(node['equal'][0])) {
        const target = node['equal'][0];
        if (!Array.isArray(target['path']) && typeof target['id'] === 'string') this.locals.add(target['id']);
      } else if (isRecord(node) && node['type'] === 'foreach' && typeof node['to'] === 'string')
        this.locals.add(node['to']);
    }
  }

  private walk(nodes: readonly unknown[]): void {
    // The parser splits text it does not understand (`#stop` comes out as "#s" + "top"), so text is checked joined.
    const text = nodes.filter((node): node is string => typeof node === 'string').join('');
    const directive = TEXT_DIRECTIVES.exec(text);
    if (directive) throw this.problem(`VTL directive #${directive[1]}`, 'not emulated');
    for (const node of nodes) this.node(node);
  }

  private node(node: unknown): void {
    if (typeof node === 'string') return;
    if (Array.isArray(node)) return this.walk(node);
    if (!isRecord(node) || typeof node['type'] !== 'string') return;
    const type = node['type'];
    if (type === 'references') return this.reference(node);
    if (type === 'set') return this.set(node);
    if (type === 'foreach') return this.value(node['from']);
    if (type === 'if' || type === 'elseif') return this.value(node['condition']);
    if (type === 'math')
      return (Array.isArray(node['expression']) ? node['expression'] : []).forEach((item) => this.value(item));
    if (type === 'macro_call')
      throw this.problem(`VTL directive #${String(node['id'])}`, `not emulated${lineOf(node)}`);
    if (ALLOWED_NODE_TYPES.has(type)) return;
    throw this.problem(`VTL directive #${type}`, `not emulated${lineOf(node)}`);
  }

  private set(node: JsonRecord): void {
    const [target, value] = Array.isArray(node['equal']) ? node['equal'] : [];
    if (isRecord(target)) {
      const root = String(target['id']);
      if (!this.locals.has(root))
        throw this.problem(`#set($${root}...)`, `only template variables can be set${lineOf(node)}`);
      this.reference(target);
    }
    this.value(value);
  }

  /** Literals and references used as values (conditions, arguments, #set right-hand sides). */
  private value(node: unknown): void {
    if (!isRecord(node)) return;
    const type = node['type'];
    if (type === 'references') return this.reference(node);
    if (type === 'math')
      return (Array.isArray(node['expression']) ? node['expression'] : []).forEach((item) => this.value(item));
    if (type === 'array')
      return (Array.isArray(node['value']) ? node['value'] : []).forEach((item) => this.value(item));
    if (type === 'map')
      return Object.values(isRecord(node['value']) ? node['value'] : {}).forEach((item) => this.value(item));
    if (
      type === 'string' &&
      node['isEval'] === true &&
      typeof node['value'] === 'string' &&
      /[$#]/.test(node['value'])
    ) {
      this.walk(parse(node['value']));
    }
  }

  private reference(node: JsonRecord): void {
    const root = String(node['id']);
    const attributes = attributesOf(node);
    if (node['args'] !== undefined)
      throw this.problem(`$${root}()`, `calling a variable as a function is not emulated${lineOf(node)}`);
    const rest = this.root(root, attributes, node);
    for (const attribute of rest) this.attribute(attribute, node);
  }

  /** Checks the part of the reference that depends on its root; returns the attributes still to check. */
  private root(root: string, attributes: Attribute[], node: JsonRecord): Attribute[] {
    const [first] = attributes;
    if (root === 'input') {
      if (first?.type === 'property' && first.id === 'body') return attributes.slice(1);
      if (first?.type === 'method' && (first.id === 'json' || first.id === 'path') && argsOf(first).length === 1) {
        this.jsonPathArgument(argsOf(first)[0], node);
        return attributes.slice(1);
      }
      if (first?.type === 'method' && first.id === 'params' && argsOf(first).length <= 1)
        return this.afterCall(first, attributes);
      throw this.problem(
        `$input.${String(first?.id ?? '')}`,
        `not emulated (API Gateway offers body, json(), path(), params())${lineOf(node)}`,
      );
    }
    if (root === 'util') {
      if (first?.type === 'method' && UTIL.has(String(first.id)) && argsOf(first).length === 1)
        return this.afterCall(first, attributes);
      throw this.problem(`$util.${String(first?.id ?? '')}`, `not an API Gateway $util function${lineOf(node)}`);
    }
    if (root === 'context') return this.contextPath(attributes, node);
    if (root === 'foreach') {
      if (first?.type === 'property' && FOREACH_PROPERTIES.has(String(first.id))) return attributes.slice(1);
      throw this.problem(
        `$foreach.${String(first?.id ?? '')}`,
        `not emulated (hasNext, count and index are)${lineOf(node)}`,
      );
    }
    if (root === 'stageVariables' || root === 'velocityCount' || this.locals.has(root)) return attributes;
    throw this.problem(
      `$${root}`,
      `unknown variable (templates get $input, $util, $context and $stageVariables)${lineOf(node)}`,
    );
  }

  /** Checks the arguments of a root function (`$util.urlEncode(...)`) and returns what follows it. */
  private afterCall(call: Attribute, attributes: Attribute[]): Attribute[] {
    for (const argument of argsOf(call)) this.value(argument);
    return attributes.slice(1);
  }

  private contextPath(attributes: Attribute[], node: JsonRecord): Attribute[] {
    const names: string[] = [];
    for (const attribute of attributes) {
      if (attribute.type !== 'property') break;
      names.push(String(attribute.id));
    }
    const problem = unsupportedContextPath(names);
    if (problem !== undefined) throw this.problem(`$context.${problem}`, `not emulated${lineOf(node)}`);
    return attributes.slice(names.length);
  }

  private attribute(attribute: Attribute, node: JsonRecord): void {
    if (attribute.type === 'method') {
      if (!SUPPORTED_VALUE_METHODS.has(String(attribute.id))) {
        throw this.problem(`method .${String(attribute.id)}()`, `not emulated${lineOf(node)}`);
      }
    }
    if (attribute.type === 'index') this.value(attribute.id);
    for (const argument of argsOf(attribute)) this.value(argument);
  }

  private jsonPathArgument(argument: unknown, node: JsonRecord): void {
    this.value(argument);
    if (
      !isRecord(argument) ||
      argument['type'] !== 'string' ||
      typeof argument['value'] !== 'string' ||
      /[$#]\{?[A-Za-z]/.test(argument['value'].slice(1))
    )
      return;
    try {
      compileJsonPath(argument['value']);
    } catch (error) {
      throw this.problem('JSONPath', `${(error as Error).message}${lineOf(node)}`);
    }
  }
}
