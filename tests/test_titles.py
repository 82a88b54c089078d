"""The title a corpus gives whoever runs a body (`answer/titles.py`), and retrieval of the holder named only by it."""

from __future__ import annotations

import json

from briefbot.answer.titles import body_title, titles_in
from briefbot.index.nlp import SpacyAnnotator


def _titles(text: str) -> list[str]:
    return titles_in(text, SpacyAnnotator().entities([text])[0])


def test_titles_are_read_before_a_name_in_apposition_and_where_taken_up():
    assert _titles("Postmaster General Noor Haverill said the last day to post would be Saturday.") == \
        ["Postmaster General"]
    assert _titles("Acting Postmaster General Imogen Selcott said the strike would cost the company money.") == \
        ["Postmaster General"]
    assert _titles("Wilhelmina Garrow, the Chief Inspector of Buildings, said the bill was overdue.") == \
        ["Chief Inspector of Buildings"]
    assert _titles("Hartigan, 48, will become Postmaster General on 1 January, the company said.") == \
        ["Postmaster General"]
    assert _titles("The ministry named the fire engineer as the next Chief Inspector of Buildings on Monday.") == \
        ["Chief Inspector of Buildings"]
    assert _titles("On Friday Noor Haverill opened the new sorting centre at Ivelhurst.") == []
    # one capitalised word before a name is a title only when it is a known office; else a first name the tagger left
    # out of the name
    assert _titles("Senga Mulvane, the union's general secretary, said the deal was fair.") == []
    assert _titles("Governor Ilse Dormand said rates would stay at 4 per cent.") == ["Governor"]


def test_the_body_title_is_the_one_most_bound_to_the_body():
    uses = {"Postmaster General": 24, "Minister of Communications": 13, "Rhossany Post": 40}.get
    naming = [["Postmaster General"]] * 21 + [["Minister of Communications"]] * 10 + [["Rhossany Post"]] * 30
    assert body_title("Rhossany Post", naming, uses) == "Postmaster General"
    # a title found with the body in few of the articles using it is someone else's (a minister's)
    assert body_title("Rhossany Post", [["Minister of Communications"]] * 3, {"Minister of Communications": 13}.get) \
        is None
    assert body_title("Rhossany Post", [["Postmaster General"]], {"Postmaster General": 1}.get) is None  # once


def test_the_holder_named_only_by_the_bodys_title_is_found_for_who_runs_it_now(make_bot, tmp_path):
    corpus = tmp_path / "post"
    corpus.mkdir()
    rows = [{"id": "2014", "title": "Harlow Post names Ivo Brand to the top job", "published": "2014-03-01",
             "text": "Ivo Brand will become Postmaster General in May, Harlow Post said on Monday. "
                     "He has run its parcels business since 2009."},
            {"id": "2016", "title": "Harlow Post back in profit", "published": "2016-03-01",
             "text": "Harlow Post made a profit of 12 million crowns, Ivo Brand, the Postmaster General, said. "
                     "Harlow Post delivered more parcels than ever."},
            {"id": "2018", "title": "Harlow Post to deliver on Sundays", "published": "2018-03-01",
             "text": "Harlow Post will deliver parcels on Sundays from June, Ivo Brand, the Postmaster General, said. "
                     "The union welcomed the plan."}]
    rows.append({"id": "new", "title": "Christmas post dates", "published": "2025-10-07",
                 "text": "Letters for Christmas must be posted by Saturday 20 December. "
                         "Postmaster General Noor Haverill said parcel volumes were the highest since 2021."})
    rows += [{"id": f"other-{n}", "title": f"Weather {n}", "published": "2024-01-01",
              "text": f"It rained for {n} days in the north. Farmers were glad of it."} for n in range(6)]
    (corpus / "post.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    bot = make_bot(corpus=corpus, index=tmp_path / "post-index")
    evidence = bot.retriever.retrieve("Harlow Post boss now")
    first = evidence.sentences[0]
    assert first.sentence.article_id == "new" and first.office_title == "Postmaster General"
    assert first.implied == ("Harlow Post",)
    answer = bot.ask("Harlow Post boss now")
    assert answer.short == "Noor Haverill" and answer.abstain_reason is None
