import { assertNoRemovedGraphFeatures, ForbiddenGraphFeatureError } from './v27-restrictions';

describe('assertNoRemovedGraphFeatures (Graph API v27.0)', () => {
  it.each([
    ['a multi-ID query', { path: '/', query: { ids: 'a,b' } }],
    ['a multi-ID path', { path: '/?ids=a,b' }],
    ['a method override in the query', { path: '/123', query: { method: 'delete' } }],
    ['a method override in a form', { path: '/123', form: { method: 'get' } }],
    ['a method override in a JSON body', { path: '/123', body: { method: 'delete' } }],
    ['a field alias', { path: '/me', query: { fields: 'id,name.as(title)' } }],
    ['a nested field alias', { path: '/me', query: { fields: 'media{caption.as(text)}' } }],
  ])('refuses %s', (_label, req) => {
    expect(() => assertNoRemovedGraphFeatures(req)).toThrow(ForbiddenGraphFeatureError);
  });

  it.each([
    ['plain fields with modifiers', { path: '/123', query: { fields: 'comments.limit(50){id,text},picture{url}' } }],
    ['a body with other keys', { path: '/123/messages', body: { recipient: { id: '1' }, message: { text: 'method=x' } } }],
    ['ids inside a value', { path: '/123', query: { fields: 'id', q: 'ids=1' } }],
  ])('allows %s', (_label, req) => {
    expect(() => assertNoRemovedGraphFeatures(req)).not.toThrow();
  });
});
