import { uploadContentHeaders } from './upload-content-headers';

describe('uploadContentHeaders', () => {
  const upload = (mimeType: string, fileName = 'photo.png') => uploadContentHeaders({ mimeType, fileName, sizeBytes: 12 });

  it.each(['image/png', 'image/jpeg', 'video/mp4', 'audio/mpeg', 'IMAGE/PNG; charset=x'])('serves %s inline', (mimeType) => {
    const headers = upload(mimeType);
    expect(headers['Content-Disposition']).toBe('inline; filename="photo.png"');
    expect(headers['Content-Type']).toBe(mimeType.split(';')[0].toLowerCase());
  });

  it.each(['text/html', 'image/svg+xml', 'application/xhtml+xml', 'application/pdf', 'text/plain', 'application/javascript', ''])(
    'downloads %s as an opaque attachment',
    (mimeType) => {
      const headers = upload(mimeType, 'evil.html');
      expect(headers['Content-Disposition']).toBe('attachment; filename="evil.html"');
      expect(headers['Content-Type']).toBe('application/octet-stream');
    },
  );

  it('always forbids sniffing and running anything, and keeps the file name a safe quoted ASCII string', () => {
    const headers = upload('image/png', 'a"b\\c\r\nSet-Cookie: x.png');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Security-Policy']).toBe("default-src 'none'; sandbox");
    expect(headers['Content-Disposition']).toBe('inline; filename="a_b_c__Set-Cookie: x.png"');
  });
});
