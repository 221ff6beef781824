export * from './template-variables';
export * from './template-languages';
export * from './template-rules';
export * from './template-render';
export * from './template-prefill';
export * from './template-status';
export * from './template-usability';
