import { webhookNormalizer } from './webhook-normalizer';

describe('webhookNormalizer', () => {
  it('should work', () => {
    expect(webhookNormalizer()).toEqual('webhook-normalizer');
  });
});
