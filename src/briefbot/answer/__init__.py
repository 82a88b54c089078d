"""The answer stage: from a question to a verified Answer.

question (the `Question` record, analysed once) -> retrieve (evidence) -> gate -> drafting (the prompt)
-> verify -> compose (answering: which evidence can answer the record; citations: answer sentences),
with answers/question_form/speech/answer_kind (does a sentence answer?), support (is a sentence backed?),
injection (article text that reads as instructions), aliases, questions (input checks), chat (follow-ups),
signals (the learned answer model). Imports ingest, index and models, never ui.
"""
