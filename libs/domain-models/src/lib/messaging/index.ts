export * from './reply-policy.types';
export * from './reply-policy';
export * from './format-duration';
export * from './outbound-limits';
export * from './quick-replies';
