import { metaGraph } from './meta-graph';

describe('metaGraph', () => {
  it('should work', () => {
    expect(metaGraph()).toEqual('meta-graph');
  });
});
