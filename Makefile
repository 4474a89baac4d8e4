# anbang — the front door.  make run | make test | make bench | make deps | make clean
PORT ?= 8080
DB   ?= data/anbang.db
HOST ?= 127.0.0.1
BUILD ?= build
JOBS ?= $(shell nproc)

DEB_PACKAGES := build-essential cmake pkg-config libsqlite3-dev librestinio-dev libasio-dev \
  libhttp-parser-dev libfmt-dev libspdlog-dev nlohmann-json3-dev libsodium-dev libcli11-dev \
  libxlsxwriter-dev libicu-dev libjemalloc-dev libgtest-dev libgmock-dev libbenchmark-dev chromium wrk sqlite3 bc fonts-wqy-microhei

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps deps-deb deps-npm build server web run test test-unit test-web test-api test-e2e bench clean

all: build

deps: deps-deb deps-npm

# Installs the Debian packages that are missing (nothing when all are present).
deps-deb:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# npm packages of the web app and of the test harness, from the lock files.
deps-npm: web/node_modules/.installed tests/node_modules/.installed

web/node_modules/.installed: web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed

tests/node_modules/.installed: tests/package-lock.json
	cd tests && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed

build: server web

server: deps-deb
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build $(BUILD) -j$(JOBS)

web: deps-npm
	cd web && npm run build --silent

# Serves http://$(HOST):$(PORT); the first run creates $(DB) with the demo district.
# TODAY=YYYY-MM-DD runs it as if today were that day (demonstrations; see README).
run: build
	./$(BUILD)/anbang --db $(DB) $(if $(TODAY),--today $(TODAY)) serve --host $(HOST) --port $(PORT) --web web/dist --demo

test: build test-unit test-web test-api test-e2e
	@echo "all tests passed"

test-unit: server
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

test-web: deps-npm
	cd web && npm test --silent

test-api: server
	node --test --test-concurrency=2 tests/api/

test-e2e: build
	node --test --test-concurrency=1 tests/e2e/

# Benchmarks (not run by make test): see bench/README.md.
bench: server
	./bench/run.sh

clean:
	rm -rf $(BUILD) web/dist
