/** The plan states its own cost (issue 14): the approval it needs by Atlassian's rules, and the variant that needs none. */
import { analyze } from '../../src/analysis';
import { operationsAuthorizedBy } from '../../src/catalog';
import { call, inputOf } from './inputs';

const COMMENTS = 'GET /rest/api/3/issue/{issueIdOrKey}/comment';
const PUT_PROPERTY = 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';

describe('plan.cost', () => {
  it('swapping a classic scope for granular ones authorizes fewer operations but needs every site admin to approve a major version', () => {
    const { plan, blastRadius } = analyze(inputOf(['read:jira-work'], [call(COMMENTS)]));
    expect(plan.replacements).toHaveLength(1);
    const granular = plan.replacements[0].replacement;
    expect(plan.cost).toEqual({
      approval: 'required',
      summary: `Applying the plan (swapping read:jira-work for ${granular.length} granular scopes) authorizes ${blastRadius.plan} catalog operations instead of ${operationsAuthorizedBy(['read:jira-work']).length}, but it changes the scopes, so every site's admin must approve a new major version before it applies there.`,
      authorizedBefore: blastRadius.declared,
      authorizedAfter: blastRadius.plan,
      withoutApproval: { summary: `Keeping today's scopes needs no approval: they authorize ${blastRadius.declared} catalog operations. No smaller set avoids the approval, because any change to the scopes needs one.`, authorized: blastRadius.declared },
    });
  });

  it('removing only is still a change of the scopes: it needs approval, and keeping them leaves a missing scope missing', () => {
    const { plan } = analyze(inputOf(['write:issue:jira', 'manage:jira-webhook'], [call(PUT_PROPERTY)]));
    expect(plan.remove).toContain('manage:jira-webhook');
    expect(plan.cost.approval).toBe('required');
    expect(plan.cost.summary).toContain('removing');
    expect(plan.cost.withoutApproval?.summary).toContain('write:issue.property:jira stays missing, so the calls that need it keep failing');
  });

  it('a plan the manifest already declares costs nothing and offers no variant', () => {
    const { plan } = analyze(inputOf(['read:comment:jira'], []));
    expect(plan.cost).toMatchObject({ approval: 'required' }); // nothing needs the scope: the plan removes it
    const same = analyze(inputOf(plan.scopes, [])).plan;
    expect(same.cost).toMatchObject({ approval: 'not-required', withoutApproval: null, summary: expect.stringContaining('changes nothing') });
  });
});
