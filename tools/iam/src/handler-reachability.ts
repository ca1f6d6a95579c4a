import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { descriptorDir, type AdapterDescriptor } from './adapter-descriptors';

/** A descriptor bound to the class or factory it describes, and every class and interface that class is a kind of. */
export interface BoundAdapter {
  readonly descriptor: AdapterDescriptor;
  readonly declaration: ts.ClassDeclaration | ts.FunctionDeclaration;
  /** The adapter class, its base classes and the interfaces (ports) they implement, transitively. */
  readonly kinds: ReadonlySet<ts.Node>;
}

/** What a handler's code can reach from its module: declarations it may run, and members it may use. */
export interface Reach {
  readonly declarations: ReadonlySet<ts.Node>;
  /** Method and property declarations referred to (through a port, or on the class itself). */
  readonly members: ReadonlySet<ts.Node>;
}

const isWorkspaceSource = (file: ts.SourceFile): boolean =>
  !file.isDeclarationFile && !file.fileName.includes('/node_modules/');
const siblingSources = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
    .map((name) => join(dir, name));

/**
 * The workspace as TypeScript sees it (tsconfig.base.json paths): which adapter each descriptor names, and what each
 * handler reaches. Reach is conservative: a module's top-level code runs on import; a function, class or method
 * counts once something reachable refers to it; a class counts with all its members (but not through a type).
 */
export class WorkspaceCode {
  private readonly program: ts.Program;
  private readonly checker: ts.TypeChecker;

  constructor(workspaceRoot: string, handlerFiles: readonly string[], descriptors: readonly AdapterDescriptor[]) {
    const configFile = ts.readConfigFile(join(workspaceRoot, 'tsconfig.base.json'), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, workspaceRoot);
    const roots = [
      ...handlerFiles,
      ...new Set(descriptors.flatMap((descriptor) => siblingSources(descriptorDir(descriptor)))),
    ];
    this.program = ts.createProgram(roots, { ...options, noEmit: true });
    this.checker = this.program.getTypeChecker();
  }

  /** Binds a descriptor to its adapter; undefined when no class or function of that name is declared beside it. */
  bind(descriptor: AdapterDescriptor): BoundAdapter | undefined {
    const dir = descriptorDir(descriptor);
    const declaration = this.program
      .getSourceFiles()
      .filter((file) => file.fileName.startsWith(`${dir}/`) && !file.fileName.slice(dir.length + 1).includes('/'))
      .flatMap((file) => [...file.statements])
      .find(
        (statement): statement is ts.ClassDeclaration | ts.FunctionDeclaration =>
          (ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement)) &&
          statement.name?.text === descriptor.adapter,
      );
    if (!declaration) return undefined;
    const kinds = new Set<ts.Node>();
    if (ts.isClassDeclaration(declaration)) this.addKinds(declaration, kinds);
    else {
      // A factory: the kinds of the class it returns.
      const signature = this.checker.getSignatureFromDeclaration(declaration);
      for (const returned of signature?.getReturnType().getSymbol()?.declarations ?? [])
        if (ts.isClassDeclaration(returned)) this.addKinds(returned, kinds);
    }
    return { descriptor, declaration, kinds };
  }

  reach(handlerFile: string): Reach {
    const source = this.program.getSourceFile(handlerFile);
    if (!source) throw new Error(`${handlerFile} is not part of the program`);
    const walk = new ReachWalk(this.checker);
    walk.file(source);
    return { declarations: walk.declarations, members: walk.members };
  }

  private addKinds(declaration: ts.ClassDeclaration | ts.InterfaceDeclaration, kinds: Set<ts.Node>): void {
    if (kinds.has(declaration)) return;
    kinds.add(declaration);
    for (const type of (declaration.heritageClauses ?? []).flatMap((clause) => [...clause.types])) {
      for (const base of this.resolve(type.expression)?.declarations ?? [])
        if (ts.isClassDeclaration(base) || ts.isInterfaceDeclaration(base)) this.addKinds(base, kinds);
    }
  }

  private resolve(node: ts.Node): ts.Symbol | undefined {
    const symbol = this.checker.getSymbolAtLocation(node);
    return symbol && symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
  }
}

const MEMBER_KINDS = new Set([
  ts.SyntaxKind.MethodSignature,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.PropertySignature,
  ts.SyntaxKind.PropertyDeclaration,
]);
/** Whether `identifier` names the declaration it belongs to (a binding element's name also reads a property). */
function isDeclarationNamed(parent: ts.Node, identifier: ts.Identifier): boolean {
  const declares =
    ts.isFunctionLike(parent) ||
    ts.isClassLike(parent) ||
    ts.isInterfaceDeclaration(parent) ||
    ts.isTypeAliasDeclaration(parent) ||
    ts.isEnumDeclaration(parent) ||
    ts.isEnumMember(parent) ||
    ts.isVariableDeclaration(parent) ||
    ts.isParameter(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isPropertySignature(parent) ||
    ts.isPropertyAssignment(parent);
  return declares && (parent as ts.NamedDeclaration).name === identifier;
}

const isFunctionValue = (node: ts.Node | undefined): boolean =>
  node !== undefined && (ts.isArrowFunction(node) || ts.isFunctionExpression(node));

/** One handler's walk over the code it reaches. */
class ReachWalk {
  readonly declarations = new Set<ts.Node>();
  readonly members = new Set<ts.Node>();
  private readonly files = new Set<ts.SourceFile>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** A module runs its top-level code when imported; its functions and classes wait until something refers to them. */
  file(source: ts.SourceFile): void {
    if (this.files.has(source) || !isWorkspaceSource(source)) return;
    this.files.add(source);
    for (const statement of source.statements) {
      if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier) {
        if (
          (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly) ||
          (ts.isExportDeclaration(statement) && statement.isTypeOnly)
        )
          continue;
        const module = this.checker.getSymbolAtLocation(statement.moduleSpecifier)?.valueDeclaration;
        if (module && ts.isSourceFile(module)) this.file(module);
      } else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations)
          if (!isFunctionValue(declaration.initializer)) this.node(declaration.initializer);
      } else if (
        !ts.isFunctionDeclaration(statement) &&
        !ts.isClassDeclaration(statement) &&
        !ts.isInterfaceDeclaration(statement) &&
        !ts.isTypeAliasDeclaration(statement)
      ) {
        this.node(statement);
      }
    }
  }

  private node(node: ts.Node | undefined): void {
    if (!node || ts.isTypeNode(node) || ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)) return;
    if (ts.isIdentifier(node)) return this.identifier(node);
    ts.forEachChild(node, (child) => this.node(child));
  }

  private identifier(identifier: ts.Identifier): void {
    const parent = identifier.parent;
    // A declaration's own name is not a use of it, but a destructured property is (`const { save } = repository`).
    if (isDeclarationNamed(parent, identifier)) return;
    const symbols = [this.checker.getSymbolAtLocation(identifier)];
    if (ts.isBindingElement(parent) && ts.isObjectBindingPattern(parent.parent)) {
      const property =
        parent.propertyName && ts.isIdentifier(parent.propertyName) ? parent.propertyName.text : identifier.text;
      symbols.push(this.checker.getTypeAtLocation(parent.parent).getProperty(property));
    }
    if (ts.isShorthandPropertyAssignment(identifier.parent))
      symbols.push(this.checker.getShorthandAssignmentValueSymbol(identifier.parent));
    for (const found of symbols) {
      const symbol = found && found.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(found) : found;
      for (const declaration of symbol?.declarations ?? []) {
        if (!isWorkspaceSource(declaration.getSourceFile())) continue;
        if (MEMBER_KINDS.has(declaration.kind)) this.members.add(declaration);
        this.declaration(declaration);
      }
    }
  }

  private declaration(declaration: ts.Node): void {
    if (this.declarations.has(declaration)) return;
    this.declarations.add(declaration);
    this.file(declaration.getSourceFile());
    if (ts.isClassDeclaration(declaration) || ts.isClassExpression(declaration)) {
      // Only `extends` runs code (the base class); `implements` names a type.
      for (const clause of declaration.heritageClauses ?? [])
        if (clause.token === ts.SyntaxKind.ExtendsKeyword) for (const type of clause.types) this.node(type.expression);
      for (const member of declaration.members) this.declaration(member);
    } else if (
      ts.isFunctionLike(declaration) ||
      ts.isVariableDeclaration(declaration) ||
      ts.isPropertyDeclaration(declaration) ||
      ts.isPropertyAssignment(declaration)
    ) {
      ts.forEachChild(declaration, (child) => this.node(child));
    }
  }
}
