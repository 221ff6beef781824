export * from './lib/enums';
export * from './lib/api/errors';
export * from './lib/api/users';
export * from './lib/api/auth';
export * from './lib/api/health';
export * from './lib/api/channels';
export * from './lib/api/channel-history';
export * from './lib/api/inbox';
export * from './lib/api/webhook-events';
export * from './lib/api/messaging';
export * from './lib/api/collaboration-tools';
export * from './lib/api/insights';
export * from './lib/api/templates';
export * from './lib/api/comments';
export * from './lib/api/messenger';
// analytics (issue 12 part 2)
export * from './lib/api/analytics';
export * from './lib/api/capi';
export * from './lib/comments';
export * from './lib/collaboration/mentions';
export * from './lib/events';

export * from './lib/realtime/socket-events';
export * from './lib/messaging';
export * from './lib/templates';
