# Every target creates .venv with pip when it is missing: a fresh machine needs only Python 3.10+.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.arabtext-installed

.PHONY: lab test install student clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## make lab: the lessons in JupyterLab
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

## make test: every test, the lessons executed top to bottom
test: $(STAMP)
	$(BIN)/python -m pytest

## make student: the lessons without solution cells, in build/student/
student: $(STAMP)
	$(BIN)/python scripts/build_lessons.py student build/student

clean:
	rm -rf build .pytest_cache .hypothesis
