"""Open briefbot's chat page: `python app.py` (or `make run`).

Corpus and index come from Settings (BRIEFBOT_CORPUS, BRIEFBOT_INDEX; default seeds/ and index/). The
page is served on 127.0.0.1 only, on port 7860 (or GRADIO_SERVER_PORT, or the next free port); Gradio
prints the URL.
"""

from briefbot import Briefbot, Settings
from briefbot.ui.page import launch

if __name__ == "__main__":
    settings = Settings()
    bot = Briefbot.from_corpus(settings.corpus, settings.index, settings=settings)
    launch(bot, host="127.0.0.1", port=None)
