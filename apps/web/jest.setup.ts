import { configure } from '@testing-library/react';

// findBy*/waitFor give up after 1 s by default; on a busy machine a real socket handshake or a
// re-render can take longer. Waiting longer costs nothing when things are fast.
configure({ asyncUtilTimeout: 10_000 });
