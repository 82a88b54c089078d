"""The model seam: the `LLM` protocol, the in-process llama.cpp model, the prompt templates."""
