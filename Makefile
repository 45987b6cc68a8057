# mathcheck: the two commands a new user needs are `make demo` and `make test`.
.PHONY: demo test bench deps build format python python-binary test-python fuzz fuzz-smoke

BIN := .build/release/mathcheck

deps:
	@scripts/install-deps.sh

build: deps
	swift build -c release

# The main job: audit the forum thread's answers, then ask the calculator the same questions.
demo: build
	@echo '$$ mathcheck audit Corpora/forum-thread.jsonl --format text'
	@$(BIN) audit Corpora/forum-thread.jsonl --format text || true
	@echo '$$ mathcheck call is_prime '"'"'{"n":"34792834"}'"'"
	@$(BIN) call is_prime '{"n":"34792834"}'
	@echo '$$ mathcheck call factorize '"'"'{"n":"583835"}'"'"
	@$(BIN) call factorize '{"n":"583835"}'
	@echo '$$ mathcheck call evaluate '"'"'{"expression":"cos(3532)"}'"'"
	@$(BIN) call evaluate '{"expression":"cos(3532)"}'

test: deps
	scripts/check-module-graph.py
	swift test
	swift build
	scripts/test-mcp-client.sh .build/debug/mathcheck
	scripts/test-report-consumers.sh .build/debug/mathcheck
	scripts/test-training-consumers.sh .build/debug/mathcheck
	$(MAKE) test-python
	scripts/test-mutations.sh $(BIN)
	scripts/test-phrasings.sh $(BIN)
	scripts/test-step-labels.sh $(BIN)

bench: build
	swift run -c release --package-path Benchmarks mathcheck-bench

# libFuzzer at every door (Fuzz/): each target for FUZZ_SECONDS (default 600), seeded from the corpora.
fuzz: deps
	FUZZ_SECONDS=$${FUZZ_SECONDS:-600} Fuzz/run.sh

# What CI runs: every fuzz target for 30 s, so that the targets keep building and the quick finds stay found.
fuzz-smoke: deps
	FUZZ_SECONDS=30 FUZZ_WORK=$$(mktemp -d)/fuzz Fuzz/run.sh

format:
	swift format --in-place --recursive Sources Tests Benchmarks/Sources

# The Python package (python/): the release binary built with the Swift runtime linked in, so that it runs on a
# machine without Swift, copied into the package (stripped: 64 MB instead of 92), then the wheel (python/dist/) built
# and installed.
PY_BIN := python/mathcheck/bin/mathcheck

python-binary:
	@scripts/install-static-deps.sh
	swift build -c release --static-swift-stdlib
	mkdir -p $(dir $(PY_BIN))
	cp $(BIN) $(PY_BIN)
	strip $(PY_BIN) 2>/dev/null || true

python: python-binary
	rm -rf python/dist
	python3 -m pip wheel --no-deps ./python -w python/dist
	python3 -m pip install --force-reinstall --no-deps python/dist/mathcheck-*.whl

# The Python tests, against the release binary (the packaged copy is checked too: ldd, the wheel).
test-python: python-binary
	python3 -m pip install -q -r python/requirements-test.txt
	MATHCHECK_BINARY=$(BIN) python3 -m pytest python/tests -q
