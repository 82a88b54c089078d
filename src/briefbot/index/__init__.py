"""The index: embeddings (embedding), the VectorStore seam and FAISS (store), the lexical side and sparse BM25
(lexical), NLP annotations (nlp), compact columnar records (tables), incremental builds (build), the build lock
(lock) and the on-disk CorpusIndex with its manifest (corpus_index). Imports ingest, never answer or models."""
