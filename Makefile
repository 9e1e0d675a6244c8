# The README's two commands: `make demo` runs the whole system, `make test` runs every test.
SHELL := /bin/bash
DOTNET ?= dotnet
CONFIG ?= Release
ROOMS ?= 3
RID ?= linux-x64

.PHONY: install build test demo publish bench-ingest bench-probe clean

install:
	@scripts/install.sh

build: install
	$(DOTNET) build LiveRoom.sln -c $(CONFIG) --nologo -v quiet --no-restore

test: build
	@mkdir -p var
	$(DOTNET) test LiveRoom.sln -c $(CONFIG) --nologo --no-build --logger "console;verbosity=normal" -- xUnit.ParallelizeTestCollections=true 2>&1 | tee var/test.log | grep -vE '^\s+(Passed|Skipped) ' ; exit $${PIPESTATUS[0]}

demo: build
	$(DOTNET) src/Demo/bin/$(CONFIG)/net10.0/liveroom-demo.dll --rooms $(ROOMS) --state var/demo --bin src

publish: install
	for p in Probe Ingest Dashboard; do \
	  $(DOTNET) publish src/$$p/$$p.csproj -c Release -r $(RID) --self-contained true -o out/$$p --nologo -v quiet || exit 1; \
	done
	@echo "published to out/Probe, out/Ingest, out/Dashboard (deploy/systemd units expect /opt/liveroom/<name>)"

bench-ingest: build
	$(DOTNET) bench/Ingest.Bench/bin/$(CONFIG)/net10.0/LiveRoom.Ingest.Bench.dll

# Issue 4: CPU of the full probe on a 60 s 1080p30 stream vs a full decode of it; last line probe_cpu_ratio (target <= 0.15).
bench-probe: build
	$(DOTNET) bench/Probe.Bench/bin/$(CONFIG)/net10.0/LiveRoom.Probe.Bench.dll

clean:
	rm -rf var out
	find . -name bin -o -name obj -type d -prune -exec rm -rf {} +
