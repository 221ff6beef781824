export * from './event-parts';
export * from './messaging-events';
export * from './change-events';
export * from './unsupported-event';
export * from './normalized-event';
