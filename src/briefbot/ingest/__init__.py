"""Reading articles: by format (text, Markdown, JSONL, saved web pages, RSS/Atom feeds), refused when they
are binary, empty or duplicates, cleaned of boilerplate and markup, then segmented into sentences and
chunks. Also `fetch`, the one module that uses the network, on the user's command only.

The first stage: it imports nothing from the later ones (index, answer, models)."""
