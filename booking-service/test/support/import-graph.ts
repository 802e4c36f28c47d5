/**
 * The runtime import graph of a source file, read with the TypeScript parser: static `import`
 * and `export … from` declarations, minus type-only ones (erased at build). Dynamic `import()`
 * is listed apart — it loads only when the code runs it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';

export interface ModuleImports {
  statics: string[];
  dynamics: string[];
  /** Packages imported statically ('grammy', '@googleapis/calendar'; not node: built-ins). */
  packages: string[];
}

/** Relative specifiers only ('./x.js' → the .ts file beside it); packages are not followed. */
export function importsOf(file: string): ModuleImports {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const statics: string[] = [];
  const dynamics: string[] = [];
  const packages: string[] = [];
  const pkg = (spec: string) => (spec.startsWith('.') || spec.startsWith('node:') ? null : spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/'));
  const local = (spec: string) => (spec.startsWith('.') ? toSource(resolve(dirname(file), spec)) : null);
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined && clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      const target = local(node.moduleSpecifier.text);
      if (target && !typeOnly) statics.push(target);
      const p = pkg(node.moduleSpecifier.text);
      if (p && !typeOnly) packages.push(p);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const target = local(node.moduleSpecifier.text);
      if (target && !node.isTypeOnly) statics.push(target);
      const p = pkg(node.moduleSpecifier.text);
      if (p && !node.isTypeOnly) packages.push(p);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      const target = arg && ts.isStringLiteral(arg) ? local(arg.text) : null;
      if (target) dynamics.push(target);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { statics, dynamics, packages };
}

function toSource(path: string): string {
  const ts = path.replace(/\.js$/, '.ts');
  if (existsSync(ts)) return ts;
  if (existsSync(path)) return path;
  throw new Error(`cannot resolve ${path}`);
}

/** Every local file `entry` loads at start, following static imports only. */
export function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...importsOf(file).statics);
  }
  return seen;
}
