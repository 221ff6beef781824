/** @jest-environment node */
import { GET } from './route';

describe('GET /realtime-config', () => {
  const before = process.env['API_PUBLIC_URL'];
  afterEach(() => {
    if (before === undefined) delete process.env['API_PUBLIC_URL'];
    else process.env['API_PUBLIC_URL'] = before;
  });

  it('answers the API_PUBLIC_URL of this moment, never cached', async () => {
    process.env['API_PUBLIC_URL'] = 'https://api.example.test';
    const response = GET();
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ apiPublicUrl: 'https://api.example.test' });
  });

  it('falls back to the local default', async () => {
    delete process.env['API_PUBLIC_URL'];
    expect(await GET().json()).toEqual({ apiPublicUrl: 'http://localhost:3001' });
  });
});
