"""The index: embeddings (embedding), vector stores (store), the lexical side (lexical), NLP annotations (nlp), and the
on-disk CorpusIndex with its manifest (corpus_index). Imports ingest, never answer or models."""
