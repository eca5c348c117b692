# Shortcuts to the scripts (see README.md). Knobs are passed through the
# environment, e.g. `make bench BENCH_ITEMS=2000`, `make load LOAD_USERS=4` or
# `make test TEST_STAGES=pytest`.
export

.PHONY: test lint bench load serve

test:
	bash scripts/test.sh

lint:
	TEST_STAGES=pre-commit bash scripts/test.sh

bench:
	bash scripts/bench.sh

load:
	bash scripts/load.sh

serve:
	bash scripts/serve.sh
