import ts from 'typescript';

/** Public methods of the classes among an adapter's kinds (the class and its base classes), sorted. */
export function publicMethods(kinds: ReadonlySet<ts.Node>): string[] {
  const methods = [...kinds]
    .filter(ts.isClassDeclaration)
    .flatMap((declaration) => declaration.members.filter(ts.isMethodDeclaration))
    .filter(
      (method) =>
        !(ts.getCombinedModifierFlags(method) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) &&
        !ts.isPrivateIdentifier(method.name),
    )
    .map((method) => method.name.getText());
  return [...new Set(methods)].sort();
}
