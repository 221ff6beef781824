// Jest reporter: when TG_TEST_FAILURES_FILE is set (by `npm test`), appends one line per failing test (or suite that
// failed to run) to it, so the run's summary can name them last — CI logs are often read from the tail.
const { appendFileSync } = require('node:fs');
const { relative } = require('node:path');

/** The message's first lines (jest's assertion, expected and received), without colours. */
const firstLines = (text) =>
  String(text ?? '')
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('at '))
    .slice(0, 3)
    .join(' | ');

class FailuresReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.TG_TEST_FAILURES_FILE;
    if (!file) return;
    const lines = [];
    for (const suite of results.testResults) {
      const where = relative(process.cwd(), suite.testFilePath);
      if (suite.testExecError) lines.push(`${where}: ${firstLines(suite.testExecError.message)}`);
      for (const test of suite.testResults) {
        if (test.status === 'failed') lines.push(`${where} › ${test.fullName}: ${firstLines(test.failureMessages[0])}`);
      }
    }
    if (lines.length) appendFileSync(file, lines.map((line) => `${line.slice(0, 400)}\n`).join(''));
  }
}

module.exports = FailuresReporter;
