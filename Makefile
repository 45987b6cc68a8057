# mathcheck: the two commands a new user needs are `make demo` and `make test`.
.PHONY: demo test bench deps build format

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

bench: build
	swift run -c release --package-path Benchmarks mathcheck-bench

format:
	swift format --in-place --recursive Sources Tests Benchmarks/Sources
