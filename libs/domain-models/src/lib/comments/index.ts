export * from './comment-state';
