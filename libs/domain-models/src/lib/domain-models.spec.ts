import { domainModels } from './domain-models';

describe('domainModels', () => {
  it('should work', () => {
    expect(domainModels()).toEqual('domain-models');
  });
});
