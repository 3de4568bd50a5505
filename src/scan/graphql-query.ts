import type { GraphqlSummary } from './types';

type Parse = (source: string) => { definitions: readonly { kind: string; operation?: string; name?: { value: string }; selectionSet?: { selections: readonly { kind: string; name?: { value: string } }[] } }[] };

let parse: Parse | undefined;

/**
 * Returns the operation name, type and top-level fields of a literal GraphQL document, or undefined
 * when it is not one (interpolated text, a syntax error). Variables are never read. The `graphql`
 * package's parser is loaded on first use only: most apps never call a GraphQL surface.
 */
export function summarizeGraphql(document: string): GraphqlSummary | undefined {
  if (!/\{/.test(document)) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  parse ??= (require('graphql/language/parser') as { parse: Parse }).parse;
  let doc: ReturnType<Parse>;
  try {
    // Interpolated parts (`{}`) make the text invalid GraphQL: no guessing.
    doc = parse(document);
  } catch {
    return undefined;
  }
  const op = doc.definitions.find((d) => d.kind === 'OperationDefinition');
  if (!op) return undefined;
  const fields = new Set<string>();
  for (const s of op.selectionSet?.selections ?? []) if (s.kind === 'Field' && s.name) fields.add(s.name.value);
  return { ...(op.name ? { operation: op.name.value } : {}), type: (op.operation ?? 'query') as GraphqlSummary['type'], fields: [...fields].sort() };
}
