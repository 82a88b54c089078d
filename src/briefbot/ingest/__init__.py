"""Reading articles: by format (text, JSONL; HTML and feeds to come), cleaned, then segmented into sentences and chunks.

The first stage: it imports nothing from the later ones (index, answer, models)."""
