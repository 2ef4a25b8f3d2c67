# triptych: make run builds the example article into dist/, make test runs
# every test (installing the readers the tests use when missing).
GO       ?= go
FUZZTIME ?= 5m
FUZZ_TARGETS = ./content:FuzzPlainText ./content:FuzzMarkdown ./content:FuzzFrontMatterSplit ./content:FuzzSlugify ./layout:FuzzPosterLayout ./layout:FuzzHandoutLayout ./render/xlsx:FuzzCellRoundTrip

.PHONY: run build test test-go cross image bench bench-batch fuzz lint deps docs clean

run: build
	./bin/triptych build -o dist

build:
	$(GO) build -o bin/triptych ./cmd/triptych

# deps installs the real readers the output tests check with (poppler-utils,
# qpdf, python3-openpyxl), when they are missing and apt-get is available.
deps:
	@./.ci/deps

test: deps test-go cross

test-go:
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) test -count=1 ./...

# cross compiles the command for every supported platform without cgo, as
# CI does: a build that breaks on Windows or macOS fails here, on Linux.
CROSS_OS   = linux darwin windows
CROSS_ARCH = amd64 arm64
cross:
	@for os in $(CROSS_OS); do for arch in $(CROSS_ARCH); do \
		echo "cross: $$os/$$arch"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -o /dev/null ./cmd/triptych || exit 1; \
	done; done

# image builds the container image of the Dockerfile (static binary on
# distroless, non-root) as triptych:VERSION; it needs docker.
IMAGE   ?= triptych
VERSION ?= $(shell sed -n 's/^var Version = "\(.*\)"/\1/p' triptych.go)
image:
	docker build -t $(IMAGE):$(VERSION) .

# bench runs the per-renderer benchmarks, then the batch benchmark alone (so
# that its peak RSS is its own): 1,000 generated articles at --jobs 1 and 2
# and a no-change rerun (TRIPTYCH_BENCH_ARTICLES changes the count).
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./content ./layout ./render/...
	$(MAKE) bench-batch

bench-batch:
	GOGC=200 GOMEMLIMIT=160MiB $(GO) test -run '^$$' -bench Batch -benchtime 1x -timeout 60m .

# bench-compare builds the working tree and BASE (a commit, default HEAD)
# and times both binaries alternately, medians of 15 pairs: the example
# built cold and a batch of 300 generated articles at --jobs 2.
BASE ?= HEAD
bench-compare:
	$(GO) run scripts/bench-compare/main.go -base $(BASE)

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

# docs regenerates the pictures the README shows, from the seed article:
# the poster at every size, the handout's first page, the printed
# spreadsheet and scorecard, the icon sheet and the preview page. Needs
# poppler-utils, LibreOffice (libreoffice-calc-nogui, fonts-liberation) and
# chromium, which .ci/deps installs.
docs: build
	rm -rf /tmp/triptych-docs && mkdir -p /tmp/triptych-docs
	./bin/triptych build -o /tmp/triptych-docs --force >/dev/null
	cp /tmp/triptych-docs/software-engineer-vs-platform-sre/software-engineer-vs-platform-sre.png docs/poster.png
	pdftoppm -png -r 100 -f 1 -l 1 -singlefile /tmp/triptych-docs/software-engineer-vs-platform-sre/software-engineer-vs-platform-sre.pdf docs/handout-page-1
	./bin/triptych build testdata/cjk/tokyo-vs-osaka.md -o /tmp/triptych-docs/cjk --force \
		--font /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf --font /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf >/dev/null
	pdftoppm -png -r 70 -f 1 -l 1 -singlefile /tmp/triptych-docs/cjk/*/*.pdf docs/handout-cjk-page-1
	TRIPTYCH_DOCS=$(CURDIR)/docs $(GO) test -count=1 -run 'TestPrintedPages|TestScorecardRecalculates' ./render/xlsx
	ICON_SHEET=$(CURDIR)/docs/icons.png $(GO) test -count=1 -run IconContactSheet ./layout
	PRESET_SHEET=$(CURDIR)/docs/presets.png $(GO) test -count=1 -run TestPresetContactSheet ./render/png
	TRIPTYCH_SERVE_SCREENSHOT=$(CURDIR)/docs/serve.png $(GO) test -count=1 -run TestBrowser ./serve/
	for s in og square portrait pinterest; do \
		./bin/triptych build -o /tmp/triptych-docs/$$s --size $$s --formats png --force >/dev/null; \
		cp /tmp/triptych-docs/$$s/software-engineer-vs-platform-sre/software-engineer-vs-platform-sre.png docs/poster-$$s.png; \
	done
