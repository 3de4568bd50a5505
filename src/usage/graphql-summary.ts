/**
 * What a GraphQL document asks for: its operation and the top-level fields it selects, never its
 * arguments or variables. One reader for the recorder (runtime documents, in Node and in Custom UI)
 * and the scanner (literal documents in the code), so both name an operation the same way.
 */

/** What a GraphQL document asks for: its operation and the top-level fields it selects, never its arguments or variables. */
export interface GraphqlSummary {
  type: 'query' | 'mutation' | 'subscription';
  /** The operation's name, when the document names it. */
  operation?: string;
  /** The top-level fields selected (aliases resolved to field names), sorted, each once. */
  fields: string[];
}

interface Definition {
  kind: string;
  operation?: string;
  name?: { value: string };
  selectionSet?: { selections: readonly { kind: string; name?: { value: string } }[] };
}
type Parse = (source: string, options?: { noLocation?: boolean; maxTokens?: number }) => { definitions: readonly Definition[] };

/** Most tokens a document may have before the parser gives up (a bound on time and memory per document). */
export const MAX_GRAPHQL_TOKENS = 20_000;

let parse: Parse | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads `graphql`'s parser, once. It is imported lazily, off the hot path (a flush awaits it),
 * so apps that never call a GraphQL surface never load it, and a browser bundle can put it in a
 * chunk of its own. Never rejects: without the parser, documents stay unreadable (`null`).
 */
export function loadGraphqlParser(): Promise<void> {
  return (loading ??= import('graphql/language/parser.js').then(
    (m) => {
      parse = (m as unknown as { parse: Parse }).parse;
    },
    () => undefined,
  ));
}

/**
 * Loads the parser at once through the caller's `require`: for Node code that cannot wait (the
 * scanner summarises literal documents synchronously). The caller's `require` is passed in so that
 * no bundler of the browser recorder sees a static `require` of `graphql`: the parser stays in its
 * lazily loaded chunk. Throws what `require` throws.
 */
export function loadGraphqlParserSync(nodeRequire: (id: string) => unknown): void {
  parse ??= (nodeRequire('graphql/language/parser') as { parse: Parse }).parse;
}

/** Returns true once `loadGraphqlParser()` has loaded the parser. */
export function graphqlParserLoaded(): boolean {
  return parse !== undefined;
}

/**
 * Returns the operation type, name and top-level fields of a GraphQL document (the operation
 * called `operationName`, or the only one), or null when it cannot be read: not a string, a
 * syntax error, several operations and no name, or the parser not loaded. Only the selection's
 * field names are read: never arguments, variables or values.
 */
export function summarizeGraphql(document: unknown, operationName?: unknown): GraphqlSummary | null {
  // Without a selection set there is no operation to read (a REST path, a plain string): no parse.
  if (parse === undefined || typeof document !== 'string' || !document.includes('{')) return null;
  let definitions: readonly Definition[];
  try {
    definitions = parse(document, { noLocation: true, maxTokens: MAX_GRAPHQL_TOKENS }).definitions;
  } catch {
    return null;
  }
  const operations = definitions.filter((d) => d.kind === 'OperationDefinition');
  const op = typeof operationName === 'string' && operationName !== '' ? operations.find((d) => d.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!op) return null;
  const fields = new Set<string>();
  for (const s of op.selectionSet?.selections ?? []) if (s.kind === 'Field' && s.name) fields.add(s.name.value);
  return { type: (op.operation ?? 'query') as GraphqlSummary['type'], ...(op.name ? { operation: op.name.value } : {}), fields: [...fields].sort() };
}
