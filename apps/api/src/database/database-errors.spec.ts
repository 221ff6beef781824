import { QueryFailedError } from 'typeorm';
import { retryOnConflict } from './database-errors';

const deadlock = () => new QueryFailedError('UPDATE …', [], Object.assign(new Error('Deadlock found when trying to get lock'), { errno: 1213 }));
const duplicate = () => new QueryFailedError('INSERT …', [], Object.assign(new Error('Duplicate entry'), { errno: 1062, code: 'ER_DUP_ENTRY' }));

describe('retryOnConflict', () => {
  it('runs the work again after a deadlock or a row a concurrent writer stored first', async () => {
    const failures = [deadlock(), duplicate()];
    const work = jest.fn(async () => {
      const failure = failures.shift();
      if (failure) throw failure;
      return 'stored';
    });
    await expect(retryOnConflict(work)).resolves.toBe('stored');
    expect(work).toHaveBeenCalledTimes(3);
  });

  it('gives up after three attempts, and at once on any other error', async () => {
    const always = jest.fn(async () => {
      throw deadlock();
    });
    await expect(retryOnConflict(always)).rejects.toBeInstanceOf(QueryFailedError);
    expect(always).toHaveBeenCalledTimes(3);
    const other = jest.fn(async () => {
      throw new Error('Meta could not be reached');
    });
    await expect(retryOnConflict(other)).rejects.toThrow('Meta could not be reached');
    expect(other).toHaveBeenCalledTimes(1);
  });
});
