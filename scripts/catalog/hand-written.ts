import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Family, HttpMethod, Product } from '../../src/catalog/types';
import type { DocumentSpec } from './documents';
import { kindOf, type ExtractResult, type RawOperation } from './extract-operations';

/** The committed source of the hand-written entries (each with the URL it was read from). */
export const HAND_WRITTEN_FILE = join(__dirname, 'hand-written.json');

/** One hand-written "document": its spec, a stand-in for the OpenAPI `info`, and its operations. */
export interface HandWrittenDocument {
  spec: DocumentSpec;
  doc: { info: { title: string; version: string } };
  extracted: ExtractResult;
}

const PRODUCTS: readonly Product[] = ['jira', 'jira-software', 'jira-service-management', 'confluence', 'bitbucket'];
const FAMILIES: readonly Family[] = ['requestJira', 'requestConfluence', 'requestBitbucket'];
const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];

/**
 * Reads and checks the hand-written entries; throws naming the file and the field that is wrong.
 * Every operation needs a `source` URL; one without `scopes` must say why in `partial`.
 */
export function readHandWritten(file = HAND_WRITTEN_FILE, text = readFileSync(file, 'utf8')): HandWrittenDocument[] {
  let data: any;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const fail = (where: string, message: string): never => {
    throw new Error(`${file}: ${where}: ${message}`);
  };
  if (!Array.isArray(data?.documents)) fail('documents', 'expected a list');
  return data.documents.map((d: any, i: number): HandWrittenDocument => {
    const at = `documents[${i}]`;
    const str = (value: unknown, field: string): string => (typeof value === 'string' && value.trim() ? value : fail(`${at}.${field}`, 'expected a non-empty string'));
    const name = str(d?.name, 'name');
    if (!PRODUCTS.includes(d.product)) fail(`${at}.product`, `expected one of ${PRODUCTS.join(', ')}`);
    if (!FAMILIES.includes(d.family)) fail(`${at}.family`, `expected one of ${FAMILIES.join(', ')}`);
    if (!Array.isArray(d.operations) || d.operations.length === 0) fail(`${at}.operations`, 'expected a non-empty list');
    const operations = d.operations.map((o: any, j: number): RawOperation => {
      const where = `${at}.operations[${j}]`;
      if (!METHODS.includes(o?.method)) fail(`${where}.method`, `expected one of ${METHODS.join(', ')}`);
      const template = typeof o.template === 'string' && /^\/[^\s?#]*$/.test(o.template) ? o.template : fail(`${where}.template`, 'expected a path starting with /, without query');
      const source = typeof o.source === 'string' && /^https:\/\/\S+$/.test(o.source) ? o.source : fail(`${where}.source`, 'expected the https URL the entry was read from');
      const scopes = Array.isArray(o.scopes) && o.scopes.every((a: unknown) => Array.isArray(a) && a.length > 0 && a.every((s) => typeof s === 'string' && s.includes(':')))
        ? (o.scopes as string[][])
        : fail(`${where}.scopes`, 'expected a list of non-empty scope lists (alternatives), [] when unverified');
      if (scopes.length === 0 && !(typeof o.partial === 'string' && o.partial.trim())) fail(`${where}.partial`, 'an entry without scopes must say why (scope unverified, ...)');
      const probable = o.probableScopes === undefined ? undefined : Array.isArray(o.probableScopes) && o.probableScopes.every((s: unknown) => typeof s === 'string') ? (o.probableScopes as string[]) : fail(`${where}.probableScopes`, 'expected a list of scope names');
      return {
        method: o.method,
        template,
        operationId: typeof o.operationId === 'string' ? o.operationId : '',
        summary: str(o.summary, `operations[${j}].summary`),
        deprecated: false,
        experimental: false,
        tag: '',
        alternatives: scopes.map((set) => {
          const sorted = [...new Set(set)].sort();
          return { kind: kindOf(sorted), scopes: sorted, source: 'reference' as const };
        }),
        legacyScopes: [],
        sourceUrl: source,
        ...(typeof o.partial === 'string' && o.partial.trim() ? { partial: o.partial.trim() } : {}),
        ...(probable?.length ? { probableScopes: probable } : {}),
      };
    });
    return {
      spec: { file: name, product: d.product, family: d.family, docs: '' },
      doc: { info: { title: str(d.title, 'title'), version: typeof d.version === 'string' ? d.version : '' } },
      extracted: { operations, problems: [], scopeDescriptions: new Map() },
    };
  });
}
