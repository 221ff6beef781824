// Playwright reporter: when TG_TEST_FAILURES_FILE is set (by `npm test`), appends one line per journey that failed or
// timed out, so the run's summary can name them last — CI logs are often read from the tail.
const { appendFileSync } = require('node:fs');

class FailuresReporter {
  onTestEnd(test, result) {
    const file = process.env.TG_TEST_FAILURES_FILE;
    if (!file || result.status === test.expectedStatus || result.status === 'skipped') return;
    const message = (result.error?.message ?? result.status).replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0];
    appendFileSync(file, `${test.titlePath().filter(Boolean).join(' › ')}: ${message}`.slice(0, 400) + '\n');
  }

  printsToStdio() {
    return false;
  }
}

module.exports = FailuresReporter;
