import { forwardToApi } from '../../../lib/api/forward-to-api';

// Read per request, not at build time: the same image is pointed at different apis.
export const dynamic = 'force-dynamic';

function handle(request: Request): Promise<Response> {
  return forwardToApi(request, process.env['API_INTERNAL_URL'] ?? 'http://127.0.0.1:3001');
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as HEAD, handle as OPTIONS };
