"""briefbot's tuning of the bundled MiniLM: which file the settings name, how it is laid over a model, how it
changes the embedder's identity (so indexes built without it are rebuilt), and that the shipped file fits the
bundled model."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from safetensors.torch import save_file

from briefbot.config import EMBEDDER_TUNING, Settings
from briefbot.errors import ModelError
from briefbot.index.embedding import SentenceTransformerEmbedder, apply_tuning, default_embedder


class _Tiny(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.top = torch.nn.Linear(3, 2)
        self.bottom = torch.nn.Linear(2, 2)


def test_the_settings_name_the_shipped_tuning_for_the_bundled_model_only(isolated_env, tmp_path):
    assert Settings().embedder_tuning_path() == EMBEDDER_TUNING
    assert EMBEDDER_TUNING.is_file()
    assert Settings(embedder_tuning=False).embedder_tuning_path() is None
    assert Settings(embedder_model=tmp_path).embedder_tuning_path() is None  # made for MiniLM, not another model
    isolated_env.setenv("BRIEFBOT_EMBEDDER_TUNING", "false")
    assert Settings().embedder_tuning_path() is None


def test_tuning_replaces_only_the_weights_it_holds(tmp_path):
    model = _Tiny()
    bottom = model.bottom.weight.detach().clone()
    tuned = torch.full((2, 3), 0.5, dtype=torch.float16)  # stored as float16, laid over float32
    save_file({"top.weight": tuned}, str(tmp_path / "t.safetensors"))
    apply_tuning(model, tmp_path / "t.safetensors")
    assert torch.equal(model.top.weight, torch.full((2, 3), 0.5))
    assert model.top.weight.dtype == torch.float32
    assert torch.equal(model.bottom.weight, bottom)


@pytest.mark.parametrize("weights", [{"middle.weight": torch.zeros(2, 3)}, {"top.weight": torch.zeros(3, 3)}, {}])
def test_tuning_that_does_not_fit_is_refused_and_says_how_to_go_on(tmp_path, weights):
    save_file(weights, str(tmp_path / "t.safetensors"))
    model = _Tiny()
    before = model.top.weight.detach().clone()
    with pytest.raises(ModelError, match="BRIEFBOT_EMBEDDER_TUNING=false"):
        apply_tuning(model, tmp_path / "t.safetensors")
    assert torch.equal(model.top.weight, before)


def test_an_unreadable_tuning_file_is_a_model_error(tmp_path):
    (tmp_path / "t.safetensors").write_bytes(b"not a safetensors file")
    with pytest.raises(ModelError, match="Could not read the embedder tuning"):
        apply_tuning(_Tiny(), tmp_path / "t.safetensors")
    with pytest.raises(ModelError, match="Could not read the embedder tuning"):
        apply_tuning(_Tiny(), tmp_path / "missing.safetensors")


def test_the_tuning_is_part_of_the_embedders_identity(tmp_path):
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "config.json").write_text("{}")
    (tmp_path / "a.safetensors").write_bytes(b"a")
    (tmp_path / "b.safetensors").write_bytes(b"b")
    plain = SentenceTransformerEmbedder(tmp_path / "model").id
    tuned_a = SentenceTransformerEmbedder(tmp_path / "model", tuning=tmp_path / "a.safetensors").id
    tuned_b = SentenceTransformerEmbedder(tmp_path / "model", tuning=tmp_path / "b.safetensors").id
    assert len({plain, tuned_a, tuned_b}) == 3
    assert tuned_a.startswith(plain + "+tuning:")


@pytest.mark.models
def test_the_shipped_tuning_fits_the_bundled_minilm_and_changes_its_vectors(isolated_env):
    settings = Settings()
    texts = ["Who won the 2019 Harbour Cup?", "Ilse Varga won the Harbour Cup in 2019."]
    plain = SentenceTransformerEmbedder(settings.embedder_path()).embed(texts)
    tuned = default_embedder(settings).embed(texts)
    assert tuned.shape == plain.shape == (2, 384)
    assert abs(float((tuned[0] ** 2).sum()) - 1.0) < 1e-4
    assert float(abs(tuned - plain).max()) > 1e-3  # the top layers are not the bundled ones


def test_the_evidence_threshold_is_the_embedders_own_unless_given(isolated_env, tmp_path):
    from briefbot.config import EVIDENCE_THRESHOLD, EVIDENCE_THRESHOLD_TUNED

    assert EVIDENCE_THRESHOLD_TUNED < EVIDENCE_THRESHOLD
    assert Settings().min_evidence_score == EVIDENCE_THRESHOLD_TUNED
    assert Settings(embedder_tuning=False).min_evidence_score == EVIDENCE_THRESHOLD
    assert Settings(embedder_model=tmp_path).min_evidence_score == EVIDENCE_THRESHOLD
    assert Settings(min_evidence_score=0.5).min_evidence_score == 0.5
    isolated_env.setenv("BRIEFBOT_MIN_EVIDENCE_SCORE", "0.2")
    assert Settings().min_evidence_score == 0.2


def test_an_embedder_whose_tuning_fails_stays_unloaded(tmp_path, monkeypatch):
    """A tuning that does not fit fails every use, instead of the first failing and the rest embedding untuned."""
    import sentence_transformers

    (tmp_path / "t.safetensors").write_bytes(b"broken")
    monkeypatch.setattr(sentence_transformers, "SentenceTransformer", lambda *a, **k: _Tiny())
    embedder = SentenceTransformerEmbedder(tmp_path, tuning=tmp_path / "t.safetensors")
    for _ in range(2):
        with pytest.raises(ModelError, match="Could not read the embedder tuning"):
            embedder.embed(["A ferry adds two winter sailings."])


def test_the_shipped_tuning_never_saw_the_sets_it_is_measured_on():
    """The README's figures for the tuning are on events46 and later and on ../shared/data: its training sets,
    recorded in the file, must be older held-out sets only (benchmarks/tune_embedder.py, --through 45)."""
    import re
    import sys

    from safetensors import safe_open

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import tune_embedder

    with safe_open(str(EMBEDDER_TUNING), "pt") as tuning:
        metadata = tuning.metadata()
    sets = metadata["sets"].split()
    assert sets == tune_embedder.training_sets(45)
    assert all(re.fullmatch(r"events\d*", name) and int(name[6:] or 1) <= 45 for name in sets)
    assert int(metadata["questions"]) >= 900
