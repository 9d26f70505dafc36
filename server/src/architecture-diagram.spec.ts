import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

const SOURCE = __dirname;
const ARCHITECTURE = join(__dirname, '..', '..', 'docs', 'architecture.md');

function moduleFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return moduleFiles(path);
    return entry.name.endsWith('.module.ts') ? [path] : [];
  });
}

const hasModuleDecorator = (node: ts.ClassDeclaration) =>
  (ts.getDecorators(node) ?? []).some(
    (decorator) =>
      ts.isCallExpression(decorator.expression) &&
      ts.isIdentifier(decorator.expression.expression) &&
      decorator.expression.expression.text === 'Module',
  );

/** `FooModule` for `FooModule` and for `FooModule.forRoot(...)`. */
function moduleNameOf(element: ts.Expression): string | undefined {
  if (ts.isIdentifier(element)) return element.text;
  if (ts.isCallExpression(element)) return moduleNameOf(element.expression);
  if (ts.isPropertyAccessExpression(element)) return moduleNameOf(element.expression);
  return undefined;
}

/** The Nest modules of the server, each with every name in an `imports` array of its file. */
function nestModules(): Map<string, string[]> {
  const modules = new Map<string, string[]>();
  for (const file of moduleFiles(SOURCE)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const classes: string[] = [];
    const imported: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isClassDeclaration(node) && node.name && hasModuleDecorator(node)) {
        classes.push(node.name.text);
      }
      if (
        ts.isPropertyAssignment(node) &&
        ts.isIdentifier(node.name) &&
        node.name.text === 'imports' &&
        ts.isArrayLiteralExpression(node.initializer)
      ) {
        for (const element of node.initializer.elements) {
          const name = moduleNameOf(element);
          if (name) imported.push(name);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    if (classes.length !== 1) {
      throw new Error(
        `${relative(SOURCE, file)} should hold one Nest module, not ${classes.length}`,
      );
    }
    modules.set(classes[0], imported);
  }
  return modules;
}

/** Nodes and `A --> B` edges of the Mermaid flowchart in docs/architecture.md. */
function diagram(): { nodes: Set<string>; edges: string[] } {
  const text = readFileSync(ARCHITECTURE, 'utf8');
  const block = /```mermaid\n([\s\S]*?)```/.exec(text);
  if (!block) throw new Error('docs/architecture.md has no mermaid block');
  const nodes = new Set<string>();
  const edges: string[] = [];
  for (const line of block[1].split('\n').map((l) => l.trim())) {
    if (!line || /^(flowchart|graph)\b/.test(line) || line.startsWith('%%')) continue;
    const edge = /^(\w+)\s*-->\s*(\w+)$/.exec(line);
    if (edge) {
      nodes.add(edge[1]).add(edge[2]);
      edges.push(`${edge[1]} --> ${edge[2]}`);
    } else if (/^\w+$/.test(line)) {
      nodes.add(line);
    } else {
      throw new Error(`docs/architecture.md: cannot read the diagram line "${line}"`);
    }
  }
  return { nodes, edges };
}

describe('the module diagram in docs/architecture.md', () => {
  const modules = nestModules();
  const drawn = diagram();

  it('shows every Nest module of the server, and no other', () => {
    expect([...drawn.nodes].sort()).toEqual([...modules.keys()].sort());
  });

  it("draws an arrow for each module's import of another of the server's modules, and no other", () => {
    const imports = [...modules].flatMap(([name, imported]) =>
      imported.filter((other) => modules.has(other)).map((other) => `${name} --> ${other}`),
    );
    expect([...drawn.edges].sort()).toEqual(imports.sort());
  });
});
