#!/usr/bin/env bash
# End-to-end tests in a real VS Code: code-server (VS Code 1.100's web build) + headless Chromium.
#   1. installs code-server into test/e2e/.cache if needed (and Chromium etc. with apt),
#   2. packages the extension (dist/exim-test-scripts.vsix) unless E2E_SKIP_PACKAGE=1,
#   3. compiles the tests, 4. runs test/e2e/scenarios/*.e2e.ts with mocha.
# Arguments go to mocha, e.g. `test/e2e/run.sh --grep diagnostics`.
# Env: E2E_SKIP_PACKAGE=1, E2E_TIMEOUT (seconds for the mocha run, default 900),
#      E2E_VSIX, E2E_OUTPUT, E2E_CHROMIUM, E2E_CODE_SERVER (see test/e2e/run-e2e.ts).
# Screenshots and logs: test/e2e/output/<scenario>/NN-step.png, test/e2e/output/.run/.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash test/e2e/install-code-server.sh
if [ -z "${E2E_SKIP_PACKAGE:-}" ]; then npm run package; fi
node_modules/.bin/tsc -p test/e2e
# --foreground: Ctrl-C still reaches mocha, whose handlers kill code-server's process group.
exec timeout --foreground --kill-after=20 "${E2E_TIMEOUT:-900}" \
  node_modules/.bin/mocha --config test/e2e/.mocharc.json "$@"
