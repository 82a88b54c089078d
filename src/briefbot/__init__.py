"""briefbot: offline question answering over news articles, with a verified citation for every sentence.

    from briefbot import Briefbot
    bot = Briefbot.from_corpus("seeds", index="index")
    answer = bot.ask("What did Zakharova demand?")
"""

from briefbot.bot import Briefbot
from briefbot.config import Settings
from briefbot.errors import BriefbotError
from briefbot.types import Answer, AnswerSentence, Citation, Evidence, StreamEvent

__all__ = ["Answer", "AnswerSentence", "Briefbot", "BriefbotError", "Citation", "Evidence", "Settings",
           "StreamEvent"]
__version__ = "0.1.0"
