export * from './lib/enums';
export * from './lib/api/errors';
export * from './lib/api/users';
export * from './lib/api/auth';
export * from './lib/api/health';
export * from './lib/api/channels';
export * from './lib/api/inbox';
export * from './lib/api/webhook-events';
export * from './lib/api/messaging';
export * from './lib/api/collaboration-tools';
export * from './lib/api/comments';
export * from './lib/comments';
export * from './lib/collaboration/mentions';
export * from './lib/events';

export * from './lib/realtime/socket-events';
export * from './lib/messaging';
