# Two commands on a fresh machine: `make demo` and `make test`. Both build .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint format bench clean

# uv installs the dependencies in seconds where pip takes a minute and a half; pip is the
# fallback. Byte-code is compiled at install: the tests start many Python processes, and a
# machine that sets PYTHONDONTWRITEBYTECODE would otherwise compile every import in each one.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv \
		&& $(BIN)/python -m uv pip install --quiet --compile-bytecode --python $(BIN)/python -e '.[test,train]' \
		|| $(BIN)/python -m pip install --quiet -e '.[test,train]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/termgen validate examples/*.yaml
	$(BIN)/termgen draft examples/battery-jv.yaml -o out --force
	@echo "The drafts are in $(CURDIR)/out/"

# The LibreOffice tests share one conversion, so they run on one worker (loadgroup).
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m compileall -q src  # see the byte-code note above
	$(BIN)/python -m pytest -n auto --dist loadgroup

# Every figure of the README's performance table; exits 1 when any budget is over.
BENCHMARKS := startup drafting checking scale memory saving provisions_cuad

bench: $(STAMP)
	@status=0; for name in $(BENCHMARKS); do \
		$(BIN)/python benchmarks/$$name.py || status=1; echo; \
	done; exit $$status

lint: $(STAMP)
	$(BIN)/ruff check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) out .pytest_cache benchmarks/.cache
