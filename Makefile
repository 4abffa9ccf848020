# Every target creates .venv with pip when it is missing: a fresh machine needs only Python 3.10+.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.arabtext-installed

.PHONY: lab test install report student bench train-sentiment clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## make lab: the lessons in JupyterLab
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/ $$([ "$$(id -u)" = 0 ] && echo --allow-root)

## make test: every test, the lessons executed top to bottom
test: $(STAMP)
	$(BIN)/python -m pytest

## make report: the analyses without Jupyter: build/report.html on the bundled corpus, the lessons executed to build/lessons/
report: $(STAMP)
	mkdir -p build
	$(BIN)/arabtext report -o build/report.html
	$(BIN)/python scripts/build_lessons.py html build/lessons

## make student: the lessons without solution cells, in build/student/
student: $(STAMP)
	$(BIN)/python scripts/build_lessons.py student build/student

# camel-tools without its dependencies: its full install pulls torch; the benchmark
# needs only its normalization and tokenizer (regex, emoji, six).
CAMEL_CHECK := import camel_tools.utils.dediac, camel_tools.utils.normalize, camel_tools.tokenizers.word
BENCH_ARGS ?=
SCALE_ARGS ?=
TREE_ARGS ?=

## make bench: arabtext against pyarabic, camel-tools and NLTK on the same input; 10 MB and 100 MB
## of news counted against NLTK (about 3 minutes). Quicker: BENCH_ARGS="--sizes 1 --repeats 3" SCALE_ARGS="--sizes 10";
## medians of 3 runs of each scale case (about 7 minutes): SCALE_ARGS="--repeats 3"
bench: $(STAMP)
	$(BIN)/python -c "$(CAMEL_CHECK)" 2>/dev/null || { $(BIN)/python -m pip install --quiet --no-deps camel-tools && $(BIN)/python -m pip install --quiet regex emoji six; }
	$(BIN)/python benchmarks/bench_text.py $(BENCH_ARGS)
	$(BIN)/python benchmarks/bench_scale.py $(SCALE_ARGS)
	$(BIN)/python benchmarks/bench_corpus_tree.py $(TREE_ARGS)
	$(BIN)/python benchmarks/bench_explore.py
	$(BIN)/python benchmarks/sentiment_eval.py

## make train-sentiment: retrain the shipped sentiment model from ../shared/data (needs the dev extra)
train-sentiment: $(STAMP)
	$(BIN)/python scripts/train_sentiment.py

clean:
	rm -rf build .pytest_cache .hypothesis
