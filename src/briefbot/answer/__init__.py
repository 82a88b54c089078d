"""The answer stage: the analysed `Question`, and whether a sentence answers it."""
