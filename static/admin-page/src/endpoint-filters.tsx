import Textfield from '@atlaskit/textfield';
import type { GetEndpointsInput } from '../../../src/resolvers/contract';
import { Choice, type ChoiceOption as Option } from './choice';

/** Filters of the Endpoints tab (the resolver applies them). */
export type EndpointFilter = Pick<GetEndpointsInput, 'text' | 'product' | 'evidence' | 'status'>;

const PRODUCTS: Option<NonNullable<EndpointFilter['product']>>[] = [
  { label: 'Jira', value: 'jira' },
  { label: 'Jira Software', value: 'jira-software' },
  { label: 'Jira Service Management', value: 'jira-service-management' },
  { label: 'Confluence', value: 'confluence' },
  { label: 'Bitbucket', value: 'bitbucket' },
];
const EVIDENCE: Option<NonNullable<EndpointFilter['evidence']>>[] = [
  { label: 'Static and runtime', value: 'both' },
  { label: 'Static only', value: 'static' },
  { label: 'Runtime only', value: 'runtime' },
];
const STATUS: Option<NonNullable<EndpointFilter['status']>>[] = [
  { label: 'Missing a scope', value: 'missing' },
  { label: 'Refused (401 scope mismatch)', value: 'mismatch' },
  { label: 'Authorized', value: 'ok' },
];

/** Returns the filter bar of the Endpoints tab. */
export function EndpointFilters({ filter, onChange }: { filter: EndpointFilter; onChange: (filter: EndpointFilter) => void }) {
  return (
    <div className="si-filters" role="search" aria-label="Filter endpoints">
      <div className="si-filter-text">
        <Textfield
          aria-label="Filter endpoints by text"
          placeholder="Method, path, operation or scope"
          value={filter.text ?? ''}
          onChange={(e) => onChange({ ...filter, text: e.currentTarget.value || undefined })}
          testId="endpoints-filter-text"
          isCompact
        />
      </div>
      <Choice id="endpoints-filter-product" label="Filter endpoints by product" anyLabel="Any product" options={PRODUCTS} value={filter.product} onChange={(product) => onChange({ ...filter, product })} testId="endpoints-filter-product" />
      <Choice id="endpoints-filter-evidence" label="Filter endpoints by evidence" anyLabel="Any evidence" options={EVIDENCE} value={filter.evidence} onChange={(evidence) => onChange({ ...filter, evidence })} testId="endpoints-filter-evidence" />
      <Choice id="endpoints-filter-status" label="Filter endpoints by status" anyLabel="Any status" options={STATUS} value={filter.status} onChange={(status) => onChange({ ...filter, status })} testId="endpoints-filter-status" />
    </div>
  );
}
