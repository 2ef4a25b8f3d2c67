# triptych: make run builds the example article into dist/, make test runs
# every test (installing the readers the tests use when missing).
GO       ?= go
FUZZTIME ?= 5m
FUZZ_TARGETS = ./content:FuzzPlainText ./content:FuzzMarkdown ./content:FuzzFrontMatterSplit ./content:FuzzSlugify

.PHONY: run build test test-go bench fuzz lint deps docs clean

run: build
	./bin/triptych build -o dist

build:
	$(GO) build -o bin/triptych ./cmd/triptych

# deps installs the real readers the output tests check with (poppler-utils,
# qpdf, python3-openpyxl), when they are missing and apt-get is available.
deps:
	@./.ci/deps

test: deps test-go

test-go:
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) test -count=1 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "fuzzing $$name for $(FUZZTIME)"; \
		$(GO) test $$pkg -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10s || exit 1; \
	done

lint:
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || { gofmt -l .; exit 1; }

clean:
	rm -rf bin dist
