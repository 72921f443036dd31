// The words the no-pii rule reads, as data: mailboxes that reach a role or a machine, file
// extensions that make "logo@2x.png" a file name, and the words after which a number is a
// phone number.

/** Local parts of addresses that reach a role or a machine, not a person (support@, noreply@, git@). */
export const ROLE_LOCAL_PARTS: readonly string[] = [
  'abuse', 'admin', 'administrator', 'alerts', 'billing', 'careers', 'contact', 'help', 'hello', 'helpdesk', 'hostmaster',
  'info', 'jobs', 'legal', 'mailer-daemon', 'marketing', 'media', 'no-reply', 'noc', 'noreply', 'donotreply', 'do-not-reply',
  'notifications', 'office', 'ops', 'oncall', 'on-call', 'postmaster', 'press', 'privacy', 'sales', 'security', 'sre',
  'status', 'support', 'team', 'webmaster', 'incidents', 'incident', 'devops', 'it', 'engineering',
  // service and login accounts (ssh user@host, git remotes)
  'git', 'root', 'ubuntu', 'ec2-user', 'centos', 'debian', 'www-data', 'deploy', 'deployer', 'jenkins', 'ansible', 'vagrant',
  'postgres', 'mysql', 'nobody', 'daemon', 'bot', 'ci',
  // more role mailboxes seen in published reports
  'bounty', 'bugbounty', 'bug-bounty', 'conduct', 'coc', 'community', 'feedback', 'enquiries', 'inquiries', 'hr', 'dpo',
  'compliance', 'psirt', 'cert', 'csirt', 'secure', 'vulnerability', 'vulnerabilities', 'disclosure', 'reports', 'report',
  'service', 'services', 'customerservice', 'customer-service', 'customer-support', 'no_reply', 'do_not_reply', 'bounces',
  'announce', 'announcements', 'news', 'newsletter', 'hi', 'hey', 'mail', 'email', 'root-cause', 'infra', 'infrastructure',
  'platform', 'operations', 'sysadmin', 'helpdesk-team', 'pagerduty', 'opsgenie', 'groups', 'list', 'lists', 'dev', 'developers',
];

/** "logo@2x.png", "file@v2.json": a file name, not an address. */
export const FILE_EXTENSIONS: readonly string[] = [
  'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'bmp', 'pdf', 'js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx', 'css', 'scss', 'json',
  'md', 'html', 'htm', 'xml', 'yml', 'yaml', 'toml', 'ini', 'conf', 'cfg', 'txt', 'log', 'py', 'rb', 'go', 'rs', 'java',
  'sh', 'php', 'lock', 'tgz', 'gz', 'zip', 'tar', 'jar', 'war', 'wasm', 'map', 'csv', 'sql', 'service', 'socket', 'timer',
];

/** Words that say a phone number follows ("call", "mobile"): other groupings of digits count only after one. */
export const PHONE_CUES: readonly string[] = [
  'phone', 'phones', 'tel', 'telephone', 'mobile', 'cell', 'cellphone', 'call', 'called', 'calling', 'text', 'texted', 'sms', 'whatsapp', 'signal', 'fax', 'dial',
  'dialled', 'dialed', 'ring', 'hotline',
];

/** What each finding says, by message id: `{{value}}` is the address or number, masked. */
export const PII_MESSAGES = {
  email: 'E-mail address "{{value}}" is personal data: name the role, the team or an @handle instead (or allow a shared domain with the allowDomains option).',
  phone: 'Phone number "{{value}}" is personal data: remove it, or point to the on-call rota or the team\'s channel instead.',
} as const;
