/**
 * The words a path template of a host outside Atlassian may keep (`fetch`, remotes, providers,
 * Atlassian paths no document lists), besides version segments.
 *
 * An allow-list, as for product paths (`redactPath`): a heuristic such as "keep what looks like
 * a word" kept `/repos/acme-corp/payroll`, an organisation and a repository of the site, in
 * storage and exports. These are the nouns and verbs REST APIs name their resources and actions
 * with; anything else a path holds (names, keys, slugs, ids, tokens) becomes `{}`. Lower case:
 * a segment is compared lower-cased (`postMessage` → `postmessage`).
 */
export const EXTERNAL_PATH_WORDS: ReadonlySet<string> = new Set(
  `
  about access account accounts action actions activities activity add admin alert alerts analytics
  annotations answer answers api apis app apps archive assets assign attach attachment attachments
  audit auth authorize avatar avatars backup badge badges batch beta billing blob blobs blocks board
  boards bot bots branch branches build builds bulk bundle cache calendar calendars call callback
  cancel card cards catalog categories category changes channel channels chart charts chat check
  checks checkout children clients close collaborators collection collections columns comment
  comments commit commits companies company complete completions compute config configuration
  connect contact contacts content contents conversations count create current customer customers
  dashboard dashboards data database databases default delete deliveries deploy deployment
  deployments details devices diff discussions document documents download downloads draft drafts
  drive edit email emails embed embeddings endpoint endpoints entries entry environment
  environments error errors event events export exports feed feedback feeds field fields file files
  filter filters folder folders followers form forms gateway generate get gists graph graphql group
  groups health history hook hooks icon icons id identity image images import imports incident
  incidents index info insights install installations integration integrations invitations invite
  invoices issue issues item items job jobs keys label labels latest lead leads link links list
  lists lookup mail markdown me media member members memberships merge message messages meta
  metadata metrics milestones models monitor monitors move notes notification notifications oauth
  object objects open operations orders org organization organizations orgs owner owners page pages
  participants payments people permissions person photo photos pipeline pipelines plan plans post
  posts preview price prices process product products profile profiles project projects public
  publish pull pulls push query queue queues reactions read record records refresh release releases
  remove render replies reply report reports repo repos repositories repository request requests
  reset resolve resource resources response responses results review reviews revoke role roles rooms
  rules run runs schedule schedules schema schemas scim scopes search secrets send service services
  session sessions settings share sheet sheets sign signin snapshot space spaces stats status
  statuses storage stream subscribe subscriptions summary sync table tables tag tags task tasks team
  teams template templates thread threads ticket tickets timeline token tokens topics track transfer
  translate tree trees trigger triggers types update updates upload uploads usage user userinfo users
  v validate values verify version versions view views webhook webhooks workflow workflows workspace
  workspaces write
  agile app-properties bitbucket confluence devinfo ex featureflags forms insight jira jsm
  operations remotelinks rest security servicedeskapi wiki
  `
    .split(/\s+/)
    .filter(Boolean),
);

/** File extensions a kept word may carry (`index.html`, `swagger.json`). */
export const EXTERNAL_PATH_EXTENSIONS: ReadonlySet<string> = new Set(['html', 'htm', 'json', 'xml', 'js', 'css', 'txt', 'csv', 'yaml', 'yml', 'png', 'svg', 'ico', 'rss', 'atom']);
