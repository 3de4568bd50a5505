// Forge entry points named in manifest.yml. Each is wrapped so its product calls are recorded.
import { onIssueCreated } from './triggers/on-issue-created';
import { defineResolvers } from './resolvers/define-resolvers';
import { withUsageRecording } from './recorder';
import { scheduledCompaction } from './store';

export const resolver = withUsageRecording(defineResolvers().getDefinitions());
export const issueCreated = withUsageRecording(onIssueCreated);
export const compaction = () => scheduledCompaction();
